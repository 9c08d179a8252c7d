import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { closeApp, createApp, RunningApp } from '../../src/create-app';
import { loadConfig } from '../../src/config/app-config';
import { queryCounter } from '../../src/database/data-source';
import { prepareDatabase } from '../../src/database/database-runtime';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface TestApp {
  url: string;
  running: RunningApp;
  /** POSTs a GraphQL operation over real HTTP, as another system would. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** Runs SQL on the test database directly, to check what was (not) written. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** How many SQL statements the API sent while `fn` ran. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
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

/** A fresh database (migrated, seeded) and the API on a free port, for one test file. */
export async function startTestApp(): Promise<TestApp> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  const name = `pactwatch_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  await prepareDatabase(url, { seed: true });
  const config = loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'error' });
  const running = await createApp(config, url);
  const direct = new Client({ connectionString: url });
  await direct.connect();

  return {
    url: running.url,
    running,
    async gql(query, variables) {
      const res = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Record<string, any>;
      return { status: res.status, ...body };
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
    async close() {
      await direct.end();
      await closeApp(running);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
