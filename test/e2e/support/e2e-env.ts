// One API and one browser for a whole run: starting an embedded PostgreSQL takes seconds.
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, scenarioContext, signIn } from './browser.ts';
import { startApi, type RunningApi } from './start-api.ts';

export interface E2eEnv {
  api: RunningApi;
  browser: Browser;
  /** A new browser session (own cookies and storage), signed in as `email` when given. */
  session(email?: string): Promise<{ context: BrowserContext; page: Page }>;
}

export function useE2eEnv(): () => E2eEnv {
  let env: E2eEnv | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    const [api, browser] = await Promise.all([startApi(), launchBrowser()]);
    env = {
      api,
      browser,
      async session(email) {
        const context = await scenarioContext(browser, { width: 1536, height: 900 });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        if (email) await signIn(page, api.url, email);
        return { context, page };
      },
    };
  });
  after(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await env?.browser.close();
    await env?.api.stop();
  });
  return () => {
    if (!env) throw new Error('The e2e environment is not started');
    return env;
  };
}
