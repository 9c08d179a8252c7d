import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { MIGRATIONS } from '../src/database/migrations';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { ApiProcess, ensureBuilt, startInstance, stopApiProcess, createTestDatabase, TestDatabase } from './support/built-api';

/*
 * Replicas as they are deployed: two API processes (the built bundle) on one PostgreSQL, started
 * at the same moment on an empty database, then used by one caller through both.
 */

const RATE = 30;
const ME = 'query { me { kind } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';

describe('two replicas on one PostgreSQL', () => {
  let database: TestDatabase | undefined;
  let databaseUrl: string;
  let db: Client;
  let a: ApiProcess;
  let b: ApiProcess;
  const dataDirs: string[] = [];

  const post = async (api: ApiProcess, token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
  };
  const start = async (name: string) => {
    const api = await startInstance(name, databaseUrl, { RATE_LIMIT_PER_MINUTE: String(RATE), SEED_ON_START: 'true', SEED_DEMO_ACCOUNTS: 'true' });
    dataDirs.push(api.dataDir);
    return api;
  };

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('pactwatch_replicas');
    databaseUrl = database.url;
    db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    await db.connect();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a && stopApiProcess(a), b && stopApiProcess(b)]);
    await db?.end().catch(() => undefined);
    await database?.drop();
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }, 60_000);

  it('started at the same moment on an empty database, both come up; each migration ran once, the seed and the demo accounts loaded once', async () => {
    [a, b] = await Promise.all([start('A'), start('B')]);
    const migrations = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    expect(migrations).toEqual(MIGRATIONS.map((m) => m.name));
    const counts = (
      await db.query<{ workspaces: number; owners: number; keys: number }>(
        `SELECT (SELECT count(*)::int FROM workspaces) AS workspaces,
                (SELECT count(*)::int FROM users WHERE email = $1) AS owners,
                (SELECT count(*)::int FROM api_keys) AS keys`,
        [DEMO_USERS.owner.email],
      )
    ).rows[0];
    expect(counts).toEqual({ workspaces: 1, owners: 1, keys: 1 });
    for (const api of [a, b]) expect((await post(api, '', 'query { __typename }')).status).toBe(200);
  }, 180_000);

  it(`a caller who spreads requests over both is refused after ${RATE} in the minute, not ${2 * RATE}`, async () => {
    const signedIn = await post(a, '', SIGN_IN, { input: { email: DEMO_USERS.analyst.email, password: DEMO_PASSWORD } });
    const token = signedIn.body.data.signIn.token as string;
    const answers: { via: string; status: number; code?: string }[] = [];
    for (let i = 0; i < 2 * RATE; i++) {
      const via = i % 2 === 0 ? a : b;
      const { status, body } = await post(via, token, ME);
      answers.push({ via: via.name, status, code: body.errors?.[0]?.extensions?.code });
    }
    const served = answers.filter((x) => x.status === 200 && !x.code);
    expect(served).toHaveLength(RATE);
    expect(new Set(served.map((x) => x.via))).toEqual(new Set(['A', 'B']));
    expect(answers.slice(RATE)).toEqual(answers.slice(RATE).map((x) => ({ ...x, status: 429, code: 'RATE_LIMITED' })));
  }, 120_000);
});
