import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { backoffDelay, PgListener } from '../src/modules/live/pg-listener';

/*
 * The instance's one LISTEN connection on a real PostgreSQL: a connection that cannot be made is
 * tried again (with backoff) until it can, one that is terminated comes back, and after each
 * successful LISTEN the hooks run (where live updates and presence catch up).
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('PgListener', () => {
  const adminUrl = () => process.env.TEST_ADMIN_DATABASE_URL!;
  let admin: Client;
  const dbName = `pactwatch_listener_${randomBytes(6).toString('hex')}`;
  const listeners: PgListener[] = [];

  beforeAll(async () => {
    admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.stop()));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('waits twice as long after each failure, within bounds, with jitter', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 100, 2000, () => 1))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 100, 2000, () => 0))).toEqual([50, 100, 200, 400]);
    expect(backoffDelay(50, 100, 2000, () => 1)).toBe(2000);
    expect(backoffDelay(1000, 100, 2000, () => 0)).toBe(1000);
  });

  it('keeps retrying a connection that fails at connect, and listens once the database is there; then comes back after its backend is terminated', async () => {
    const url = new URL(adminUrl());
    url.pathname = `/${dbName}`;
    const warnings: string[] = [];
    const listener = new PgListener({
      url: url.toString(),
      applicationName: 'pactwatch-listener-test',
      minDelayMs: 20,
      maxDelayMs: 200,
      log: { warn: (m) => warnings.push(m), log: () => undefined },
    });
    listeners.push(listener);
    const heard: string[] = [];
    let connections = 0;
    listener.on('listener_test', (payload) => heard.push(payload));
    listener.onListening(() => (connections += 1));

    // The database does not exist yet: the first attempt fails, and so do the retries.
    expect(await listener.start()).toBe(false);
    expect(listener.isListening()).toBe(false);
    await until(() => warnings.filter((w) => /attempt \d+ failed/.test(w)).length >= 3, 'three failed retries');
    expect(listener.isListening()).toBe(false);
    expect(connections).toBe(0);

    await admin.query(`CREATE DATABASE ${dbName}`);
    await until(() => listener.isListening(), 'the listener to connect');
    expect(connections).toBe(1);
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      await db.query(`SELECT pg_notify('listener_test', 'one')`);
      await until(() => heard.length === 1, 'the first notification');

      const backend = async () =>
        (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'pactwatch-listener-test' AND query LIKE 'LISTEN%'`)).rows;
      const [{ pid }] = await backend();
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await until(async () => listener.isListening() && (await backend()).some((b) => b.pid !== pid), 'the listener back on a new backend');
      expect(connections).toBe(2);
      await db.query(`SELECT pg_notify('listener_test', 'two')`);
      await until(() => heard.length === 2, 'the notification after the reconnect');
      expect(heard).toEqual(['one', 'two']);
    } finally {
      await db.end();
    }
  }, 30_000);
});
