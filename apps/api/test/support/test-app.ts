import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { closeApp, createApp, CreateAppOptions, RunningApp } from '../../src/create-app';
import { loadConfig } from '../../src/config/app-config';
import { queryCounter } from '../../src/database/data-source';
import { prepareDatabase } from '../../src/database/database-runtime';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/database/seeds/demo-accounts';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface GqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** A session token or an API key, sent as Authorization: Bearer; null for an anonymous call. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  running: RunningApp;
  /** Tokens of the demo accounts (signed in at start) and the demo read-only API key. */
  tokens: { owner: string; analyst: string; viewer: string; readKey: string };
  /** POSTs a GraphQL operation over real HTTP as the demo analyst, as the web client would. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The same, as anyone: another token or key, none, extra headers. */
  request<T = Record<string, any>>(req: GqlRequest): Promise<GqlResponse<T> & { headers: Headers }>;
  /** Signs in over HTTP and returns the session token. */
  signIn(email: string, password?: string): Promise<string>;
  /** The .eml files the API wrote to its outbox, oldest first. */
  outbox(): string[];
  /** Runs SQL on the test database directly, to check what was (not) written. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** How many SQL statements the API sent while `fn` ran. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  /**
   * Another instance of the API in this process, on the same database, with these settings on top
   * (GRAPHQL_FAST_PATH=off…): same demo tokens and key. Closing it leaves the first one running,
   * but close twins last: passport's strategies are process-wide, so the app started last checks
   * every app's tokens, on its own pool.
   */
  twin(env?: Record<string, string>): Promise<TestApp>;
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database (migrated, seeded, with the demo accounts) and the API on a free port, for one test file.
 * Logs are off (LOG_LEVEL=silent) and link checks too (LINK_CHECK_POLL_SECONDS=0) unless `env` asks for them; `options.logDestination` collects logs.
 */
export async function startTestApp(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  const name = `pactwatch_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const { demoApiKey } = await prepareDatabase(url, { seed: true, demo: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-app-'));
  // The reminder check would flag the seed's overdue commitments mid-test, and the seeded sources'
  // addresses are public sites: a spec that wants either check turns it on.
  const config = loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', DATA_DIR: dataDir, REMINDER_POLL_SECONDS: '0', LINK_CHECK_POLL_SECONDS: '0', ...env });
  const running = await createApp(config, url, options);
  const testApp = await onRunning(running, url, dataDir, demoApiKey as string, null, () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const twin = async (twinEnv: Record<string, string> = {}): Promise<TestApp> => {
    const twinDir = mkdtempSync(join(tmpdir(), 'pactwatch-app-'));
    const twinRunning = await createApp(loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', DATA_DIR: twinDir, ...env, ...twinEnv }), url, options);
    return onRunning(twinRunning, url, twinDir, demoApiKey as string, testApp.tokens, async () => undefined);
  };
  return { ...testApp, twin };
}

async function onRunning(
  running: RunningApp,
  url: string,
  dataDir: string,
  demoApiKey: string,
  signedIn: TestApp['tokens'] | null,
  dropDatabase: () => Promise<void>,
): Promise<TestApp> {
  const direct = new Client({ connectionString: url });
  await direct.connect();

  const request = async <T,>({ query, variables, token, headers }: GqlRequest) => {
    const res = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Record<string, any>;
    return { status: res.status, headers: res.headers, ...body } as GqlResponse<T> & { headers: Headers };
  };
  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const res = await request<{ signIn: { token: string } }>({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email, password } },
    });
    if (!res.data?.signIn) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(res.errors)}`);
    return res.data.signIn.token;
  };
  const tokens = signedIn ?? {
    owner: await signIn(DEMO_USERS.owner.email),
    analyst: await signIn(DEMO_USERS.analyst.email),
    viewer: await signIn(DEMO_USERS.viewer.email),
    readKey: demoApiKey,
  };

  return {
    url: running.url,
    running,
    tokens,
    gql: (query, variables) => request({ query, variables, token: tokens.analyst }),
    request,
    signIn,
    outbox() {
      const dir = join(dataDir, 'outbox');
      return existsSync(dir) ? readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')) : [];
    },
    async sql(text, params) {
      return (await direct.query(text, params)).rows;
    },
    async countStatements(fn) {
      const counter = queryCounter(running.dataSource);
      const before = counter.count;
      await fn();
      return counter.count - before;
    },
    twin() {
      throw new Error('a twin has no twin of its own: ask the first app');
    },
    async close() {
      await direct.end();
      await closeApp(running);
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
