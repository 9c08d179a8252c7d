import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/database-runtime';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startInstance, stopApiProcess, createTestDatabase, TestDatabase } from './support/built-api';
import { Recording, subscribe } from './support/live';

/*
 * The LISTEN connection of an instance goes away while writes continue (its backend terminated
 * with pg_terminate_backend, as a failover or an administrator would): NOTIFY is not kept for a
 * listener that is gone, so the instance must read what it missed from the activity log once it is
 * back. Two API processes (the built bundle) on one PostgreSQL; subscribers on both keep their
 * sockets open throughout (they never reconnect), and each must end with exactly the changes the
 * log holds for it, in order, none twice.
 */

const WORKSPACE = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
const ACTIVITY = `subscription($filter: ActivityFilter, $since: ID) { activityAdded(filter: $filter, since: $since) { id verb subjectId } }`;
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }',
};

type Event = { activityAdded: { id: string; verb: string; subjectId: string } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('live updates across a lost LISTEN connection, on two instances', () => {
  let database: TestDatabase | undefined;
  let databaseUrl: string;
  let db: Client;
  let a: ApiProcess;
  let b: ApiProcess;
  const dataDirs: string[] = [];
  const open: Recording<Event>[] = [];
  const tokens = { analyst: '', viewer: '', readKey: '' };

  const sql = async <T = any>(text: string, params?: unknown[]) => (await db.query(text, params)).rows as T[];
  const ok = async <T = any>(api: ApiProcess, token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
  const start = async (name: string) => {
    const api = await startInstance(name, databaseUrl, { RATE_LIMIT_PER_MINUTE: '1000000' });
    dataDirs.push(api.dataDir);
    return api;
  };
  /** Moves a commitment between ANNOUNCED and IN_PROGRESS, as the analyst. */
  const toggle = async (via: ApiProcess, commitmentId: string) => {
    const { commitment } = await ok(via, tokens.analyst, Q.version, { id: commitmentId });
    const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
    await ok(via, tokens.analyst, Q.changeStatus, { input: { commitmentId, expectedVersion: commitment.version, status } });
  };
  /** The instances' LISTEN backends (the one connection each instance listens on). */
  const listenBackends = () =>
    sql<{ pid: number; started: Date }>(
      `SELECT pid, backend_start AS started FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'pactwatch-live' AND query LIKE 'LISTEN%'`,
    );

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('pactwatch_gap');
    databaseUrl = database.url;
    const { demoApiKey } = await prepareDatabase(databaseUrl, { seed: true, demo: true });
    tokens.readKey = demoApiKey!;
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    [a, b] = await Promise.all([start('A'), start('B')]);
    for (const role of ['analyst', 'viewer'] as const) {
      const res = await ok<{ signIn: { token: string } }>(a, '', Q.signIn, { input: { email: DEMO_USERS[role].email, password: DEMO_PASSWORD } });
      tokens[role] = res.signIn.token;
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(open.map((r) => r.close().catch(() => undefined)));
    await Promise.all([a && stopApiProcess(a), b && stopApiProcess(b)]);
    await db?.end().catch(() => undefined);
    await database?.drop();
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }, 60_000);

  it("a writer makes 40 status changes while each instance's LISTEN backend is terminated twice: every open subscription on both gets each change of its filter exactly once, in order", async () => {
    const [{ since }] = await sql<{ since: string }>('SELECT COALESCE(max(id), 0)::text AS since FROM activity WHERE workspace_id = $1', [WORKSPACE]);
    const watched = C.mxSmuggling;
    type Subscriber = { on: ApiProcess; what: string; commitmentId: string | null; recording: Recording<Event> };
    const subscribers: Subscriber[] = [];
    for (const on of [a, b]) {
      const add = (what: string, token: string, variables: Record<string, unknown>, commitmentId: string | null = null) => {
        const recording = subscribe<Event>(on.url, { token }, ACTIVITY, variables);
        open.push(recording);
        subscribers.push({ on, what, commitmentId, recording });
      };
      add('viewer, since the start', tokens.viewer, { since });
      add('API key, from now (no since)', tokens.readKey, {});
      add('viewer, one commitment', tokens.viewer, { since, filter: { commitmentId: watched } }, watched);
    }
    await Promise.all(subscribers.map((s) => s.recording.ready()));
    expect(await listenBackends()).toHaveLength(2);

    const commitments = [C.mxSmuggling, C.usCbpCrackdown, C.jointStatement, C.mxHumaneBorder];
    const terminated: { at: Date; pids: number[] }[] = [];
    const terminate = async () => {
      const backends = await listenBackends();
      const [{ at }] = await sql<{ at: Date }>('SELECT clock_timestamp() AS at');
      await sql('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [backends.map((x) => x.pid)]);
      terminated.push({ at, pids: backends.map((x) => x.pid) });
    };
    let made = 0;
    while (made < 40) {
      if (made === 16 || made === 28) {
        await terminate();
        // Writes go on at once, four at a time (one per commitment), through both instances.
        await Promise.all(commitments.map((id, k) => toggle(k % 2 ? b : a, id)));
        made += commitments.length;
        continue;
      }
      await toggle(made % 2 ? b : a, commitments[made % commitments.length]);
      made += 1;
      await sleep(50);
    }

    // Both instances listen again, on new backends.
    for (;;) {
      const backends = await listenBackends();
      if (backends.length === 2 && backends.every((x) => !terminated.some((t) => t.pids.includes(x.pid)))) break;
      await sleep(50);
    }
    // Some changes began after a termination and before the new LISTEN backends started: notifications nobody could hear.
    const unheard = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM activity WHERE workspace_id = $1 AND id > $2 AND created_at > $3 AND created_at < $4`,
      [WORKSPACE, since, terminated[0].at, (await listenBackends()).reduce((min, x) => (x.started < min ? x.started : min), new Date(8.64e15))],
    );
    expect(terminated).toHaveLength(2);
    expect(unheard[0].n).toBeGreaterThan(0);

    const log = await sql<{ id: string; subjectId: string }>(
      'SELECT a.id::text AS id, a.subject_id AS "subjectId" FROM activity a WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id',
      [WORKSPACE, since],
    );
    expect(log).toHaveLength(40);
    const expected = (s: Subscriber) => log.filter((row) => !s.commitmentId || row.subjectId === s.commitmentId).map((row) => row.id);
    const ids = (s: Subscriber) => s.recording.values.map((v) => v.activityAdded.id);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !subscribers.every((s) => ids(s).length >= expected(s).length)) await sleep(100);
    await sleep(500);

    for (const s of subscribers) {
      expect({ subscriber: `${s.what} on ${s.on.name}`, ids: ids(s), errors: s.recording.errors, closed: s.recording.closed }).toEqual({
        subscriber: `${s.what} on ${s.on.name}`,
        ids: expected(s),
        errors: [],
        closed: null,
      });
    }
  }, 120_000);
});
