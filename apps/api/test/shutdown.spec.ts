import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startApiProcess, stopApiProcess } from './support/built-api';
import { subscribe } from './support/live';

/*
 * SIGTERM to the built API (`node dist/apps/api/main.js`) on its embedded PostgreSQL, as a
 * container stop or a rolling deploy sends it: the request under way (held on a row lock the test
 * holds) finishes, a new connection is refused, a live subscriber is told to reconnect (1012), the
 * embedded PostgreSQL stops after the API, and the process exits 0.
 */

const COMMITMENT = SEED_IDS.commitments.usRepatriationFlights;
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation ChangeStatus($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id status version } } }',
  activity: 'subscription { activityAdded { id verb } }',
};

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * Whether a fresh TCP connection (no keep-alive pool) to the API gets an answer or is refused; one
 * reset (taken into the backlog just as the socket closed) says neither.
 */
function freshConnection(url: string): Promise<'answered' | 'refused' | 'reset'> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/health/live`, { agent: false }, (res) => {
      res.resume();
      resolve('answered');
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') resolve('refused');
      else if (err.code === 'ECONNRESET') resolve('reset');
      else reject(err);
    });
    req.end();
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('shutdown on SIGTERM (built API, embedded PostgreSQL)', () => {
  let api: ApiProcess | undefined;
  let dataDir: string;
  let pgPort: number;

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-shutdown-'));
    pgPort = await freePort();
    api = await startApiProcess(
      'api',
      { DATABASE_URL: null, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'log', SHUTDOWN_GRACE_MS: '30000', DIGEST_POLL_SECONDS: '1' },
      180_000,
    );
  }, 300_000);

  afterAll(async () => {
    if (api) await stopApiProcess(api);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the request under way, refuses new connections, closes subscriptions with 1012, stops PostgreSQL and exits 0', async () => {
    const running = api as ApiProcess;
    const signIn = async (email: string) => (await post(running.url, { query: Q.signIn, variables: { input: { email, password: DEMO_PASSWORD } } })).body.data.signIn.token as string;
    const analyst = await signIn(DEMO_USERS.analyst.email);
    const viewer = await signIn(DEMO_USERS.viewer.email);
    const feed = subscribe(running.url, { token: viewer }, Q.activity);
    await feed.ready();

    // The test holds the commitment's row: the status change under way waits on it, in the API.
    const db = new Client({ connectionString: `postgres://postgres:pactwatch@127.0.0.1:${pgPort}/pactwatch` });
    db.on('error', () => undefined);
    await db.connect();
    await db.query('BEGIN');
    await db.query('SELECT id FROM commitments WHERE id = $1 FOR UPDATE', [COMMITMENT]);
    const { version, status } = (await post(running.url, { query: Q.version, variables: { id: COMMITMENT } }, analyst)).body.data.commitment;
    const change = post(running.url, {
      query: Q.changeStatus,
      variables: { input: { commitmentId: COMMITMENT, expectedVersion: version, status: status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS' } },
    }, analyst);
    await until('the status change to wait on the lock', async () => {
      const { rows } = await db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'pactwatch-api'`);
      return rows.length ? true : undefined;
    });

    running.child.kill('SIGTERM');
    await until('new connections to be refused', async () => ((await freshConnection(running.url)) === 'refused' ? true : undefined));
    await feed.ended().catch(() => undefined);
    await until('the subscriber to see its socket closed', async () => feed.closed ?? undefined);
    expect(feed.closed?.code).toBe(1012);

    // Still waiting on the lock, still under way: released, it answers.
    await db.query('ROLLBACK');
    await db.end();
    const answered = await change;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.changeCommitmentStatus.commitment.version).toBe(version + 1);

    await running.exited;
    expect(running.child.exitCode).toBe(0);
    const output = running.output.join('');
    expect(output).toContain('SIGTERM: stopped');
    // The embedded PostgreSQL went with it.
    const after = new Client({ connectionString: `postgres://postgres:pactwatch@127.0.0.1:${pgPort}/pactwatch` });
    await expect(after.connect()).rejects.toThrow(/ECONNREFUSED/);
  }, 120_000);
});
