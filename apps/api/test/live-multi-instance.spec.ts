import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/database-runtime';
import { freePort } from '../src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { Recording, subscribe } from './support/live';

/*
 * The whole system as it is deployed: two API processes (the built bundle, `node
 * dist/apps/api/main.js`) on one PostgreSQL, no broker between them. A change made through one
 * reaches subscribers on the other, in order, once. Then load and a fault, bounded in time: 200
 * subscribers split over both instances while analysts change statuses through both; one instance
 * is killed (SIGKILL) and restarted mid-run, its clients reconnect and resume with `since` = the
 * last id they saw, and every subscriber ends with exactly the events of its filter that the
 * activity log holds, in order, none twice, none missing.
 */

const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
const WORKSPACE = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
const AGREEMENT = SEED_IDS.agreements.migrationTalks;

const ACTIVITY = `subscription($filter: ActivityFilter, $since: ID) {
  activityAdded(filter: $filter, since: $since) { id verb subjectType subjectId } }`;
const PRESENCE = 'subscription($id: ID!) { presence(commitmentId: $id) { user { id name } } }';
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id status version } } }',
  addComment: 'mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }',
};

type ActivityEvent = { activityAdded: { id: string; verb: string; subjectType: string; subjectId: string } };
type Filter = { partyCodes?: string[]; agreementId?: string; commitmentId?: string } | null;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The newest modification time under the given folders (the sources the bundle is built from). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.filter((p) => existsSync(p)).forEach(visit);
  return newest;
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** Builds the API bundle when it is missing or older than its sources. */
async function ensureBuilt(): Promise<void> {
  const sources = newestMtime([
    join(ROOT, 'apps', 'api', 'src'),
    join(ROOT, 'libs', 'domain', 'src'),
    join(ROOT, 'apps', 'api', 'webpack.config.js'),
    join(ROOT, 'apps', 'api', 'tsconfig.app.json'),
    join(ROOT, 'package-lock.json'),
  ]);
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  await run('npx', ['nx', 'run', 'api:build', '--skip-nx-cache'], 240_000);
}

/** One API process. */
class Instance {
  url = '';
  private proc?: ChildProcess;
  private output = '';

  constructor(
    readonly name: string,
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    const proc = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout!.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    proc.stderr!.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`${this.name} exited (${proc.exitCode}):\n${this.output}`);
      const up = await fetch(`${this.url}/health`).then((r) => r.ok).catch(() => false);
      if (up) return;
      await sleep(100);
    }
    throw new Error(`${this.name} did not answer /health within 30 s:\n${this.output}`);
  }

  /** Dies at once, as a crashed machine would: no shutdown hooks, presence rows left behind. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  get log(): string {
    return this.output;
  }
}

describe('live updates across two API processes on one database', () => {
  let adminUrl: string;
  let dbName: string;
  let dbUrl: string;
  let dataDir: string;
  let a: Instance;
  let b: Instance;
  let direct: Client;
  const tokens = {} as { analyst: string; viewer: string; owner: string; readKey: string };
  const open: Recording<any>[] = [];
  let facts: Record<string, { agreementId: string; partyCodes: string[] }>;

  const gql = async (instance: Instance, token: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const sql = async <T = any>(text: string, params?: unknown[]) => (await direct.query(text, params)).rows as T[];
  const lastId = async () => (await sql<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM activity'))[0].id;

  /** Moves a commitment between ANNOUNCED and IN_PROGRESS through one instance. */
  const toggle = async (via: Instance, commitmentId: string, token = tokens.analyst) => {
    const current = await gql(via, token, Q.version, { id: commitmentId });
    const { version, status } = current.data.commitment;
    const res = await gql(via, token, Q.changeStatus, {
      input: { commitmentId, expectedVersion: version, status: status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS' },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.changeCommitmentStatus.commitment as { id: string; status: string; version: number };
  };

  /** The activity after `since` a subscriber with this filter must receive, from the log. */
  const expectedFor = async (filter: Filter, since: string) => {
    const rows = await sql<{ id: string; commitmentId: string | null }>(
      `SELECT a.id::text AS id, CASE WHEN a.subject_type = 'Commitment' THEN a.subject_id END AS "commitmentId"
       FROM activity a WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id`,
      [WORKSPACE, since],
    );
    return rows
      .filter((r) => {
        if (!filter) return true;
        const c = r.commitmentId ? facts[r.commitmentId] : undefined;
        if (!c) return false;
        if (filter.commitmentId && r.commitmentId !== filter.commitmentId) return false;
        if (filter.agreementId && c.agreementId !== filter.agreementId) return false;
        if (filter.partyCodes && !c.partyCodes.some((p) => filter.partyCodes!.includes(p))) return false;
        return true;
      })
      .map((r) => r.id);
  };

  beforeAll(async () => {
    await ensureBuilt();
    adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
    if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (globalSetup)');
    dbName = `pactwatch_multi_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    const { demoApiKey } = await prepareDatabase(dbUrl, { seed: true, demo: true });
    tokens.readKey = demoApiKey!;
    direct = new Client({ connectionString: dbUrl });
    await direct.connect();
    dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-multi-'));
    const env = (name: string) => ({
      DATABASE_URL: dbUrl,
      DATA_DIR: join(dataDir, name),
      WEB_DIR: join(dataDir, 'no-web-client'),
      RATE_LIMIT_PER_MINUTE: '1000000',
      DIGEST_POLL_SECONDS: '0',
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
    });
    a = new Instance('A', await freePort(), env('a'));
    b = new Instance('B', await freePort(), env('b'));
    await Promise.all([a.start(), b.start()]);
    for (const [role, user] of Object.entries({ analyst: DEMO_USERS.analyst, viewer: DEMO_USERS.viewer, owner: DEMO_USERS.owner })) {
      const res = await gql(a, '', Q.signIn, { input: { email: user.email, password: DEMO_PASSWORD } });
      tokens[role as 'analyst'] = res.data.signIn.token;
    }
    const rows = await sql<{ id: string; agreementId: string; partyCodes: string[] }>(
      `SELECT c.id, c.agreement_id AS "agreementId",
              ARRAY(SELECT p.code FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id) AS "partyCodes"
       FROM commitments c WHERE c.workspace_id = $1`,
      [WORKSPACE],
    );
    facts = Object.fromEntries(rows.map((r) => [r.id, { agreementId: r.agreementId, partyCodes: r.partyCodes }]));
  }, 300_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
    await Promise.all([a?.stop(), b?.stop()]);
    await direct?.end().catch(() => undefined);
    if (dbName) {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a change made through A reaches a subscriber on B within a second, in order, once; comments and presence travel too', async () => {
    const since = await lastId();
    const onB = subscribe<ActivityEvent>(b.url, { token: tokens.viewer }, ACTIVITY, { since });
    const onA = subscribe<ActivityEvent>(a.url, { token: tokens.readKey }, ACTIVITY, { since });
    open.push(onB, onA);
    await Promise.all([onB.ready(), onA.ready()]);

    const changed = [C.mxSmuggling, C.usCbpCrackdown, C.jointStatement];
    for (const id of changed) {
      await toggle(a, id);
      const made = Date.now();
      const n = changed.indexOf(id) + 1;
      await onB.until((v) => v.length >= n, 5000, `change ${n} on B`);
      expect(Date.now() - made).toBeLessThan(1000);
    }
    const comment = await gql(a, tokens.analyst, Q.addComment, { input: { subjectType: 'COMMITMENT', subjectId: C.mxHumaneBorder, body: 'Seen on B?' } });
    expect(comment.errors).toBeUndefined();
    await onB.until((v) => v.length >= 4, 5000, 'the comment on B');
    await onA.until((v) => v.length >= 4, 5000, 'everything on A');
    await sleep(500);

    const logged = await expectedFor(null, since);
    expect(onB.values.map((v) => v.activityAdded.id)).toEqual(logged);
    expect(onA.values.map((v) => v.activityAdded.id)).toEqual(logged);
    expect(onB.values.map((v) => [v.activityAdded.verb, v.activityAdded.subjectId])).toEqual([
      ...changed.map((id) => ['commitment.status_changed', id]),
      ['comment.added', comment.data.addComment.comment.id],
    ]);

    // Two people on the same commitment page, each on their own instance, see each other; one leaves.
    type Viewers = { presence: { user: { name: string } }[] };
    const names = (v: Viewers[]) => (v.length ? v[v.length - 1].presence.map((p) => p.user.name).sort().join(', ') : '');
    const viewerOnA = subscribe<Viewers>(a.url, { token: tokens.viewer }, PRESENCE, { id: C.mxHumaneBorder });
    open.push(viewerOnA);
    await viewerOnA.until((v) => names(v) === DEMO_USERS.viewer.name);
    const analystOnB = subscribe<Viewers>(b.url, { token: tokens.analyst }, PRESENCE, { id: C.mxHumaneBorder });
    open.push(analystOnB);
    const both = [DEMO_USERS.analyst.name, DEMO_USERS.viewer.name].sort().join(', ');
    await analystOnB.until((v) => names(v) === both, 5000, 'both, on B');
    await viewerOnA.until((v) => names(v) === both, 5000, 'both, on A');
    await analystOnB.close();
    await viewerOnA.until((v) => names(v) === DEMO_USERS.viewer.name, 5000, 'the analyst gone, on A');
  }, 60_000);

  it('200 subscribers over both instances, analysts changing statuses through both, one instance killed and restarted: every subscriber gets every event of its filter exactly once, in order', async () => {
    const started = Date.now();
    const since = await lastId();
    const filters: Filter[] = [
      null,
      { partyCodes: ['US'] },
      { partyCodes: ['MX'] },
      { agreementId: AGREEMENT },
      ...Object.values(C).map((commitmentId) => ({ commitmentId })),
    ];

    // 200 subscribers, alternately on A and B, each with its own socket; `since` moves with what each has seen.
    const subscribers = Array.from({ length: 200 }, (_, i) => {
      const instance = i % 2 ? b : a;
      const filter = filters[i % filters.length];
      const variables: { filter: Filter; since: string } = { filter, since };
      const seen: string[] = [];
      let connections = 0;
      const recording = subscribe<ActivityEvent>(instance.url, { token: i % 3 ? tokens.viewer : tokens.readKey, retryAttempts: 100, retryWaitMs: 200 }, ACTIVITY, variables, (v) => {
        seen.push(v.activityAdded.id);
        variables.since = v.activityAdded.id;
      });
      recording.client.on('connected', () => (connections += 1));
      open.push(recording);
      return { instance, filter, seen, recording, connections: () => connections };
    });
    await Promise.all(subscribers.map((s) => s.recording.ready(0)));
    await sleep(500);

    // Five analysts, each on its own commitment, 20 changes each, through A and B in turn; a request
    // that finds its instance down goes to the other one.
    let done = 0;
    const fault: { restarted?: Promise<void>; down?: Date; up?: Date } = {};
    const commitments = Object.values(C);
    const analyst = async (n: number) => {
      const commitmentId = commitments[n];
      for (let k = 0; k < 20; k++) {
        let via = (n + k) % 2 ? b : a;
        for (let attempt = 0; ; attempt++) {
          try {
            await toggle(via, commitmentId);
            break;
          } catch (err) {
            // Down (refused, or killed mid-request: the change may have been made, which the log will say).
            if (attempt > 20) throw err;
            via = via === a ? b : a;
            await sleep(50);
          }
        }
        done += 1;
        if (done === 40 && !fault.restarted) {
          fault.restarted = (async () => {
            await b.kill();
            fault.down = new Date();
            await sleep(300);
            await b.start();
            fault.up = new Date();
          })();
        }
        await sleep(150 + Math.random() * 100);
      }
    };
    await Promise.all(commitments.map((_, n) => analyst(n)));
    expect(fault.restarted).toBeDefined();
    await fault.restarted;
    // Changes were made while B was down: its clients can only have them from the log.
    const [{ whileDown }] = await sql<{ whileDown: number }>(
      'SELECT count(*)::int AS "whileDown" FROM activity WHERE id > $1 AND created_at > $2 AND created_at < $3',
      [since, fault.down, fault.up],
    );
    expect(whileDown).toBeGreaterThan(0);

    // Everyone catches up: B's clients reconnect to the restarted B and resume after what they saw.
    const expected = new Map<string, string[]>();
    for (const filter of filters) expected.set(JSON.stringify(filter), await expectedFor(filter, since));
    expect(expected.get('null')!.length).toBeGreaterThanOrEqual(100);
    const deadline = Date.now() + 20_000;
    const complete = () => subscribers.every((s) => s.seen.length >= expected.get(JSON.stringify(s.filter))!.length);
    while (!complete() && Date.now() < deadline) await sleep(200);
    await sleep(500);

    const problems: string[] = [];
    subscribers.forEach((s, i) => {
      const want = expected.get(JSON.stringify(s.filter))!;
      if (JSON.stringify(s.seen) !== JSON.stringify(want)) {
        const dupes = s.seen.filter((id, k) => s.seen.indexOf(id) !== k);
        const missing = want.filter((id) => !s.seen.includes(id));
        problems.push(`subscriber ${i} on ${s.instance.name} ${JSON.stringify(s.filter)}: got ${s.seen.length}, want ${want.length}; missing ${missing.join(',')}; twice ${dupes.join(',')}`);
      }
      if (s.recording.errors.length) problems.push(`subscriber ${i}: errors ${JSON.stringify(s.recording.errors).slice(0, 300)}`);
    });
    expect(problems).toEqual([]);
    // B's clients lost their socket and came back; A's never did.
    expect(subscribers.filter((s) => s.instance === b).every((s) => s.connections() >= 2)).toBe(true);
    expect(subscribers.filter((s) => s.instance === a).every((s) => s.connections() === 1)).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
