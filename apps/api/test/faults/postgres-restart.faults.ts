import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../../src/database/database-runtime';
import { ensureDatabase, freePort } from '../../src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startApiProcess, stopApiProcess } from '../support/built-api';
import { Recording, subscribe } from '../support/live';

/*
 * PostgreSQL restarts under load (`npm run test:faults`, not part of `npm test`). Two API processes
 * on one database, 50 subscribers split over both and 20 writers changing statuses through both;
 * then PostgreSQL is stopped (fast shutdown: every backend is ended), left down for 3 s, and
 * started again. The instances are not restarted.
 *
 * Which PostgreSQL: with FAULTS_PG_STOP and FAULTS_PG_START set (shell commands that stop and start
 * the server in DATABASE_URL, e.g. `pg_ctlcluster 15 main stop` as root), that server, in a
 * database of the test's own; otherwise an embedded PostgreSQL the test starts itself (its own
 * data directory and port, whatever DATABASE_URL says).
 */

const WORKSPACE = SEED_IDS.workspace;
const COMMITMENTS = Object.values(SEED_IDS.commitments);
const ACTIVITY = 'subscription($since: ID) { activityAdded(since: $since) { id verb subjectId } }';
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id version } } }',
};
type Event = { activityAdded: { id: string; verb: string; subjectId: string } };
type Answer = { status: number; retryAfter: string | null; body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null; text: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A PostgreSQL the test may stop and start again. */
interface FaultDatabase {
  readonly where: string;
  /** Makes it run (the first time: creates what is needed) and answer connections. */
  start(): Promise<void>;
  stop(): Promise<void>;
  url(database: string): string;
  /** Undoes what the test did: the server is started again if stopped and its database dropped; the embedded one is stopped (the caller deletes its directory). */
  cleanUp(): Promise<void>;
}

/** The test's own PostgreSQL (postgres-server.mjs): started, stopped and started again on one port and data directory. */
class EmbeddedFaultDatabase implements FaultDatabase {
  readonly where = 'embedded';
  private child?: ChildProcess;

  constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  url(database: string): string {
    return `postgres://postgres:pactwatch@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(__dirname, 'postgres-server.mjs'), this.dataDir, String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        output += d;
        if (output.includes('ready')) resolve();
      });
      child.stderr!.on('data', (d) => (output += d));
      child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (${code}):\n${output}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async cleanUp(): Promise<void> {
    await this.stop();
  }
}

function run(command: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('/bin/sh', ['-c', command], { timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${command}: ${err.message}\n${stdout}${stderr}`)) : resolve(),
    ),
  );
}

/** The server in DATABASE_URL, stopped and started by the commands in FAULTS_PG_STOP and FAULTS_PG_START. */
class ServerFaultDatabase implements FaultDatabase {
  readonly where: string;
  readonly databaseName = `pactwatch_faults_${process.pid}`;
  private stopped = false;

  constructor(
    private readonly adminUrl: string,
    private readonly stopCommand: string,
    private readonly startCommand: string,
  ) {
    this.where = `the server at ${new URL(adminUrl).host}`;
  }

  url(database: string): string {
    const url = new URL(this.adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  }

  /** Starts the server again after stop(); the first time it runs already (it is not the test's to start). */
  async start(): Promise<void> {
    if (this.stopped) await run(this.startCommand);
    this.stopped = false;
    await accepting(this.adminUrl);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await run(this.stopCommand);
  }

  async cleanUp(): Promise<void> {
    if (this.stopped) await this.start();
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}

/** Waits until a new connection to `url` gets an answer to `SELECT 1`. */
async function accepting(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw err;
      await sleep(50);
    }
  }
}

function faultDatabase(dataDir: string, port: number): FaultDatabase {
  const { DATABASE_URL, FAULTS_PG_STOP, FAULTS_PG_START } = process.env;
  if (!FAULTS_PG_STOP && !FAULTS_PG_START) return new EmbeddedFaultDatabase(join(dataDir, 'db'), port);
  if (!FAULTS_PG_STOP || !FAULTS_PG_START || !DATABASE_URL) {
    throw new Error('FAULTS_PG_STOP and FAULTS_PG_START go together, with DATABASE_URL naming the server they stop and start');
  }
  return new ServerFaultDatabase(DATABASE_URL, FAULTS_PG_STOP, FAULTS_PG_START);
}

describe('PostgreSQL restarted under load', () => {
  let dataDir: string;
  let database: FaultDatabase;
  let databaseUrl: string;
  let a: ApiProcess;
  let b: ApiProcess;
  const open: Recording<Event>[] = [];
  const tokens = { analyst: '', viewer: '' };

  /** POSTs an operation; an answer that does not come within 15 s fails the request (a hang). */
  const post = async (api: ApiProcess, token: string, query: string, variables: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text: the test reports it.
    }
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body, text };
  };
  const sql = async <T = any>(text: string, params?: unknown[]) => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-faults-'));
    // As root the server runs as the `postgres` user, which must reach its directory.
    chmodSync(dataDir, 0o755);
    database = faultDatabase(dataDir, await freePort());
    await database.start();
    const name = database instanceof ServerFaultDatabase ? database.databaseName : 'pactwatch';
    await ensureDatabase(database.url('postgres'), name);
    databaseUrl = database.url(name);
    await prepareDatabase(databaseUrl, { seed: true, demo: true });
    const start = (name: string) =>
      startApiProcess(name, {
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dataDir, name),
        WEB_DIR: join(dataDir, 'no-web-client'),
        RATE_LIMIT_PER_MINUTE: '1000000',
        DIGEST_POLL_SECONDS: '0',
        LOG_LEVEL: 'error',
        SEED_ON_START: 'false',
      });
    [a, b] = await Promise.all([start('A'), start('B')]);
    for (const role of ['analyst', 'viewer'] as const) {
      const res = await post(a, '', Q.signIn, { input: { email: DEMO_USERS[role].email, password: DEMO_PASSWORD } });
      tokens[role] = res.body?.data.signIn.token;
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(open.map((r) => r.close().catch(() => undefined)));
    await Promise.all([a && stopApiProcess(a), b && stopApiProcess(b)]);
    await database?.cleanUp();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('20 writers and 50 subscribers on two instances: during the outage every request is answered (none waits 15 s), UNAVAILABLE (503, Retry-After) unless it lost a race with another writer (CONFLICT), with no stack trace, and a new WebSocket is closed with 1013; both serve again within 5 s of PostgreSQL being back; no acknowledged write lost or doubled; subscribers get every change once, in order', async () => {
    const [{ since }] = await sql<{ since: string }>('SELECT COALESCE(max(id), 0)::text AS since FROM activity WHERE workspace_id = $1', [WORKSPACE]);
    const startVersions = new Map(
      (await sql<{ id: string; version: number }>('SELECT id, version FROM commitments WHERE workspace_id = $1', [WORKSPACE])).map((r) => [r.id, r.version]),
    );

    // 50 subscribers, each on its own socket; should one lose it, it comes back after what it saw.
    const subscribers = Array.from({ length: 50 }, (_, i) => {
      const on = i % 2 ? b : a;
      const variables = { since };
      const seen: string[] = [];
      const recording = subscribe<Event>(on.url, { token: tokens.viewer, retryAttempts: 1000, retryWaitMs: 300 }, ACTIVITY, variables, (v) => {
        seen.push(v.activityAdded.id);
        variables.since = v.activityAdded.id;
      });
      open.push(recording);
      return { on, seen, recording };
    });
    await Promise.all(subscribers.map((s) => s.recording.ready(0)));

    // 20 writers: each toggles a commitment's status through A and B in turn, keeping what was acknowledged.
    const acknowledged: { commitmentId: string; version: number; phase: string }[] = [];
    const refusals: { phase: string; answer: Answer | string }[] = [];
    let phase: 'before' | 'outage' | 'after' = 'before';
    let writing = true;
    const writer = async (n: number) => {
      const commitmentId = COMMITMENTS[n % COMMITMENTS.length];
      for (let k = 0; writing; k++) {
        const via = (n + k) % 2 ? b : a;
        try {
          const current = await post(via, tokens.analyst, Q.version, { id: commitmentId });
          const commitment = current.body?.data?.commitment;
          if (!commitment) {
            refusals.push({ phase, answer: current });
          } else {
            const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
            const res = await post(via, tokens.analyst, Q.changeStatus, { input: { commitmentId, expectedVersion: commitment.version, status } });
            const changed = res.body?.data?.changeCommitmentStatus?.commitment;
            if (changed) acknowledged.push({ commitmentId, version: changed.version, phase });
            else refusals.push({ phase, answer: res });
          }
        } catch (err) {
          refusals.push({ phase, answer: `no answer: ${(err as Error).message}` });
        }
        await sleep(100);
      }
    };
    const writers = Array.from({ length: 20 }, (_, n) => writer(n));

    await sleep(3000);
    const beforeOutage = acknowledged.length;
    phase = 'outage';
    const stopping = Date.now();
    await database.stop();
    const down = Date.now();
    // A WebSocket opened now cannot have its credentials checked: closed with 1013 (try again later), not 4403.
    const newcomer = subscribe<Event>(b.url, { token: tokens.viewer }, ACTIVITY, {});
    open.push(newcomer);
    await newcomer.ended(10_000).catch(() => undefined);
    for (let waited = 0; !newcomer.closed && waited < 5000; waited += 50) await sleep(50);
    const newcomerClosed = newcomer.closed;
    await sleep(3000);
    await database.start();
    // Back: a new connection is answered.
    await accepting(databaseUrl);
    const back = Date.now();
    phase = 'after';
    // Both instances serve a read again within 5 s of PostgreSQL being back, without a restart of their own.
    const serving = async (api: ApiProcess) => {
      for (;;) {
        const res = await post(api, tokens.viewer, Q.version, { id: COMMITMENTS[0] }).catch(() => null);
        if (res?.body?.data?.commitment) return Date.now() - back;
        if (Date.now() - back > 5000) return Date.now() - back;
        await sleep(100);
      }
    };
    const [servedA, servedB] = await Promise.all([serving(a), serving(b)]);
    await sleep(3000);
    writing = false;
    await Promise.all(writers);

    const outage = refusals.filter((r) => r.phase === 'outage');
    const answers = (phase: string) =>
      refusals.filter((r) => r.phase === phase).reduce<Record<string, number>>((n, r) => {
        const key = typeof r.answer === 'string' ? 'no answer' : String(r.answer.body?.errors?.[0]?.extensions?.code ?? r.answer.status);
        return { ...n, [key]: (n[key] ?? 0) + 1 };
      }, {});
    console.log(
      `PostgreSQL restarted (${database.where}): stop took ${down - stopping} ms, down ${back - down} ms until a new connection was answered; ` +
        `A served again ${servedA} ms and B ${servedB} ms after that; ${acknowledged.length} writes acknowledged ` +
        `(${beforeOutage} before the outage, ${acknowledged.filter((w) => w.phase === 'after').length} after); ` +
        `refusals during the outage ${JSON.stringify(answers('outage'))}, after it ${JSON.stringify(answers('after'))}`,
    );

    expect(newcomerClosed?.code).toBe(1013);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    expect({ servedA: servedA <= 5000, servedB: servedB <= 5000 }).toEqual({ servedA: true, servedB: true });
    expect(beforeOutage).toBeGreaterThan(0);
    expect(acknowledged.filter((w) => w.phase === 'after').length).toBeGreaterThan(0);

    // Every request answered (before, during and after the outage), UNAVAILABLE with 503 and Retry-After,
    // or CONFLICT (two writers share each commitment); never INTERNAL, never a stack trace.
    expect(outage.filter((r) => typeof r.answer !== 'string' && r.answer.body?.errors?.[0]?.extensions?.code === 'UNAVAILABLE').length).toBeGreaterThan(0);
    const unclear = refusals.filter((r) => {
      if (typeof r.answer === 'string') return true;
      const errors = r.answer.body?.errors ?? [];
      const clear = errors.length > 0 && errors.every((e) => {
        if (e.extensions?.code === 'CONFLICT') return r.answer !== null && (r.answer as Answer).status === 200;
        const answer = r.answer as Answer;
        return e.extensions?.code === 'UNAVAILABLE' && answer.status === 503 && Number(answer.retryAfter) >= 1 && e.extensions.retryAfter === Number(answer.retryAfter);
      });
      return !clear || /\n\s+at |stack/i.test(r.answer.text);
    });
    // With the instance's log line of an INTERNAL error (found by its request id), to see what it was.
    const logged = (answer: Answer) => {
      const id = answer.body?.errors?.[0]?.extensions?.requestId;
      return id ? [...a.output, ...b.output].join('').split('\n').filter((l) => l.includes(String(id)) && l.includes('"err"')).map((l) => l.slice(0, 1500)) : [];
    };
    expect(unclear.map((r) => (typeof r.answer === 'string' ? `${r.phase}: ${r.answer}` : [`${r.phase}: ${r.answer.status} ${r.answer.text.slice(0, 300)}`, ...logged(r.answer)]))).toEqual([]);

    // Every acknowledged write is in the database once: versions count the status changes, one activity row each.
    const rows = await sql<{ id: string; version: number; changes: number }>(
      `SELECT c.id, c.version,
              (SELECT count(*)::int FROM activity a WHERE a.workspace_id = c.workspace_id AND a.id > $2
                 AND a.verb = 'commitment.status_changed' AND a.subject_id = c.id) AS changes
       FROM commitments c WHERE c.workspace_id = $1`,
      [WORKSPACE, since],
    );
    for (const row of rows) {
      const mine = acknowledged.filter((w) => w.commitmentId === row.id).map((w) => w.version);
      expect({ commitment: row.id, versionsAdded: row.version - startVersions.get(row.id)!, duplicates: mine.length - new Set(mine).size }).toEqual({
        commitment: row.id,
        versionsAdded: row.changes,
        duplicates: 0,
      });
      // Each acknowledged version exists: it is at most the final one, and above the starting one.
      expect(mine.every((v) => v > startVersions.get(row.id)! && v <= row.version)).toBe(true);
      expect(row.changes).toBeGreaterThanOrEqual(mine.length);
    }

    // Subscribers catch up on everything committed, each change once, in order.
    const log = (await sql<{ id: string }>('SELECT a.id::text AS id FROM activity a WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id', [WORKSPACE, since])).map(
      (r) => r.id,
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !subscribers.every((s) => s.seen.length >= log.length)) await sleep(200);
    await sleep(500);
    const problems = subscribers.flatMap((s, i) => {
      if (JSON.stringify(s.seen) === JSON.stringify(log)) return [];
      const missing = log.filter((id) => !s.seen.includes(id));
      const twice = s.seen.filter((id, k) => s.seen.indexOf(id) !== k);
      const at = s.seen.findIndex((id, k) => id !== log[k]);
      return [
        `subscriber ${i} on ${s.on.name}: ${s.seen.length} of ${log.length}; missing ${missing.join(',')}; twice ${twice.join(',')}; from ${at} got ${s.seen.slice(at, at + 5)}, want ${log.slice(at, at + 5)}`,
      ];
    });
    expect(problems).toEqual([]);
  }, 240_000);
});
