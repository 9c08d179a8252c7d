// Debian's Chromium driven by playwright-core: never a browser download.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './start-api.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A browser context as every scenario opens one: English, UTC, and reduced motion, so the client
 * draws no fades (theme.respectReducedMotion) and what axe and the screenshots see is the page at
 * rest. Chromium's --force-prefers-reduced-motion does not reach Playwright's contexts (checked:
 * matchMedia still answers no), hence the context option.
 */
export function scenarioContext(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
}

export const DEMO_PASSWORD = 'pactwatch-demo';
export const DEMO = { owner: 'owner@pactwatch.test', analyst: 'analyst@pactwatch.test', viewer: 'viewer@pactwatch.test' } as const;

/** Signs in through the form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/**
 * Waits until the page has had no HTTP request in flight for `quietMs`. Not
 * waitForLoadState('networkidle'): that waits for Chromium's one "network idle" event of the last
 * document load, which never comes when the page's live WebSocket opened before the load went
 * quiet (the scenarios then hung for 15 s, in about half of the full runs), and which says nothing
 * about requests made after the load (clicks, client-side navigation).
 */
export async function networkSettled(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  const inFlight = new Set<unknown>();
  const started = (r: unknown) => inFlight.add(r);
  const ended = (r: unknown) => inFlight.delete(r);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const until = Date.now() + timeoutMs;
    let quietSince = Date.now();
    for (;;) {
      if (inFlight.size) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      if (Date.now() > until) throw new Error(`networkSettled: ${inFlight.size} request(s) still in flight after ${timeoutMs} ms`);
      await page.waitForTimeout(50);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Opens a client route. Until the API answers deep links with index.html, a 404 falls back to
 * loading '/' and letting the client router navigate, as a click on a link would.
 */
export async function openPath(page: Page, baseUrl: string, path: string): Promise<void> {
  const response = await page.goto(`${baseUrl}${path}`);
  if (response && response.status() !== 404) return;
  await page.goto(`${baseUrl}/`);
  await networkSettled(page);
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Others' changes reach an open page within this (well under a second on an idle machine; the CI box may be busy). */
export const LIVE_MS = 15_000;

/**
 * Waits until the dashboard has drawn everything: both charts counted, the recent changes listed,
 * no spinner left.
 */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.locator('[data-testid="status-breakdown"][data-ready="true"]').nth(1).waitFor();
  await page.locator('[data-testid="status-breakdown"] [data-testid="status-bars"]').first().waitFor();
  await page.locator('[data-testid="recent-changes"][data-ready="true"] li').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Loading…"]'));
  await networkSettled(page);
}
