import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../../apps/api/src/database/database-runtime';
import { startEmbeddedDatabase } from '../../apps/api/src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/database/seeds/demo-accounts';
import { SEED_IDS } from '../../apps/api/src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startApiProcess, stopApiProcess } from '../../apps/api/test/support/built-api';
import { Recording, subscribe } from '../../apps/api/test/support/live';
import { pactwatchNodeFlags } from '../bench/servers';

/*
 * `npm run soak`: two built API instances (node dist/apps/api/main.js, with the node flags of
 * `npm start`) on one PostgreSQL (an embedded one of its own, or a database of its own on the
 * server in DATABASE_URL), all on 127.0.0.1, under a modest mixed load: a warm-up of
 * SOAK_WARMUP_SECONDS (default 60), then SOAK_MINUTES measured minutes (default 10, at most 60):
 *
 * - reads (viewer): a page of commitments with parties and latest change, one commitment in
 *   detail, its comments — 4 loops, one request each 200 ms;
 * - status changes and comments (analyst), through both instances in turn;
 * - live subscriptions: 10 that stay open (activityAdded) and one a second opened and closed
 *   after 4 s (commitmentChanged, presence), on both instances;
 * - digest runs (owner, runDigests) every 15 s, and each instance's own digest poll every 5 s.
 *
 * Every minute it prints the latency of every HTTP request of that minute (p50/p99, both
 * instances) and each instance's resident memory (RSS from /proc, the median of a reading every
 * 5 s). It compares the last third of the measured minutes with the first third (the last minute
 * with the first in a 2-minute run), and fails (exit 1) when an instance's median RSS in the last
 * third is more than 20% above the most it read up to the end of the first third (warm-up's end
 * included: garbage collection moves RSS by a third, so a peak, not one reading, is the base);
 * when the p99 of the last third (the median of its 10-second slices' p99s) is more than 50%
 * above the first third's (and more than
 * SOAK_P99_FLOOR_MS, default 20 ms, above it: in a 2-minute run on an otherwise idle machine a
 * p99 of 21 ms came out at 31 ms the next minute, so some ms are noise, not drift);
 * when a request fails other than by CONFLICT (two writers on one commitment); or when a
 * subscriber that stayed open did not get every change of the log once, in order. */

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
if (!Number.isFinite(MINUTES) || MINUTES < 1 || MINUTES > 60) throw new Error('SOAK_MINUTES must be 1 to 60');
const WARMUP_MS = 1000 * Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
const MINUTE_MS = 60_000;
const RSS_EVERY_MS = 5000;
const SLICE_MS = 10_000;
const RSS_GROWTH = 0.2;
const P99_DRIFT = 0.5;
const P99_FLOOR_MS = Number(process.env.SOAK_P99_FLOOR_MS ?? 20);

const WORKSPACE = SEED_IDS.workspace;
const COMMITMENTS = Object.values(SEED_IDS.commitments);
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  list: 'query List { commitments(first: 20) { totalCount edges { node { id title status version parties { code } latestStatusChange { to occurredOn } } } } }',
  detail:
    'query Detail($id: ID!) { commitment(id: $id) { id title status version description themes { slug } evidence(first: 5) { edges { node { id title } } } statusHistory(first: 5) { edges { node { to occurredOn } } } } }',
  comments: 'query Comments($id: ID!) { comments(subjectId: $id, first: 5) { totalCount edges { node { id body } } } }',
  changeStatus: 'mutation ChangeStatus($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id version } } }',
  addComment: 'mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }',
  runDigests: 'mutation RunDigests { runDigests { __typename } }',
  activity: 'subscription($since: ID) { activityAdded(since: $since) { id verb subjectId } }',
  commitmentChanged: 'subscription($id: ID!) { commitmentChanged(id: $id) { id version } }',
  presence: 'subscription($id: ID!) { presence(commitmentId: $id) { __typename } }',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An embedded PostgreSQL of the soak's own, or a database of its own on the server in DATABASE_URL. */
async function openDatabase(dataDir: string): Promise<{ url: string; where: string; close(): Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `pactwatch_soak_${randomBytes(4).toString('hex')}`;
    await sql(external, `CREATE DATABASE "${name}"`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), where: `the server at ${url.host}`, close: () => sql(external, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined) };
  }
  const db = await startEmbeddedDatabase({ dataDir: join(dataDir, 'db') });
  return { url: db.url, where: `an embedded PostgreSQL (${new URL(db.url).host})`, close: () => db.stop() };
}

type Answer = { status: number; body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } | null };

class Load {
  /** Latencies (ms) of the current minute, and every failure other than CONFLICT. */
  latencies: number[] = [];
  failures: string[] = [];
  counts: Record<string, number> = {};
  running = true;

  constructor(
    private readonly instances: ApiProcess[],
    private readonly tokens: Record<'owner' | 'analyst' | 'viewer', string>,
  ) {}

  private turn = 0;
  private next(): ApiProcess {
    return this.instances[this.turn++ % this.instances.length];
  }

  async post(name: string, token: string, query: string, variables: Record<string, unknown> = {}, via = this.next()): Promise<Answer> {
    const started = performance.now();
    let answer: Answer;
    try {
      const res = await fetch(`${via.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      answer = { status: res.status, body: (await res.json()) as Answer['body'] };
    } catch (err) {
      answer = { status: 0, body: { errors: [{ message: (err as Error).message }] } };
    }
    this.latencies.push(performance.now() - started);
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    const error = answer.body?.errors?.[0];
    if (error && error.extensions?.code !== 'CONFLICT') this.failures.push(`${name} on ${via.name}: ${answer.status} ${error.extensions?.code ?? ''} ${error.message}`);
    return answer;
  }

  /** A loop that does `step` then waits `everyMs`, until stopped. */
  async loop(everyMs: number, step: (k: number) => Promise<void>): Promise<void> {
    for (let k = 0; this.running; k++) {
      await step(k);
      await sleep(everyMs);
    }
  }

  readers(n: number): Promise<void>[] {
    return Array.from({ length: n }, (_, r) =>
      this.loop(200, async (k) => {
        const id = COMMITMENTS[(r + k) % COMMITMENTS.length];
        if (k % 3 === 0) await this.post('list', this.tokens.viewer, Q.list);
        else if (k % 3 === 1) await this.post('detail', this.tokens.viewer, Q.detail, { id });
        else await this.post('comments', this.tokens.viewer, Q.comments, { id });
      }),
    );
  }

  writer(): Promise<void> {
    return this.loop(500, async (k) => {
      const commitmentId = COMMITMENTS[k % COMMITMENTS.length];
      const current = await this.post('detail', this.tokens.analyst, Q.detail, { id: commitmentId });
      const commitment = current.body?.data?.commitment;
      if (!commitment) return;
      const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
      await this.post('changeStatus', this.tokens.analyst, Q.changeStatus, { input: { commitmentId, expectedVersion: commitment.version, status } });
    });
  }

  commenter(): Promise<void> {
    return this.loop(1000, async (k) => {
      const subjectId = COMMITMENTS[(k * 7) % COMMITMENTS.length];
      await this.post('addComment', this.tokens.analyst, Q.addComment, { input: { subjectId, subjectType: 'COMMITMENT', body: `Soak comment ${k}` } });
    });
  }

  digests(): Promise<void> {
    return this.loop(15_000, async () => {
      await this.post('runDigests', this.tokens.owner, Q.runDigests);
    });
  }

  /** Subscriptions opened and closed all the time: a socket each, held for about 4 s. */
  churn(): Promise<void> {
    return this.loop(1000, async (k) => {
      const on = this.instances[k % this.instances.length];
      const id = COMMITMENTS[k % COMMITMENTS.length];
      const recording = subscribe(on.url, { token: this.tokens.viewer }, k % 2 ? Q.commitmentChanged : Q.presence, { id });
      this.counts.subscriptionsOpened = (this.counts.subscriptionsOpened ?? 0) + 1;
      void sleep(4000).then(() => recording.close().catch(() => undefined));
    });
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-soak-'));
  // As root the embedded server runs as the `postgres` user, which must reach its directory.
  chmodSync(dataDir, 0o755);
  const instances: ApiProcess[] = [];
  const steady: { on: string; seen: string[]; recording: Recording<{ activityAdded: { id: string } }> }[] = [];
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    log(`building the API if needed; ${MINUTES} measured minute(s) after a warm-up of ${WARMUP_MS / 1000} s`);
    await ensureBuilt();
    // The node flags of `npm start` (as the bench does): the young generation's size shapes RSS.
    process.env.PACTWATCH_API_NODE_ARGS = pactwatchNodeFlags().join(' ');
    database = await openDatabase(dataDir);
    await prepareDatabase(database.url, { seed: true, demo: true });
    const start = (name: string) =>
      startApiProcess(name, {
        NODE_ENV: 'production',
        DATABASE_URL: database!.url,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: join(dataDir, name),
        WEB_DIR: join(dataDir, 'no-web-client'),
        RATE_LIMIT_PER_MINUTE: '1000000',
        DIGEST_POLL_SECONDS: '5',
        LOG_LEVEL: 'warn',
        SEED_ON_START: 'false',
      });
    instances.push(...(await Promise.all([start('A'), start('B')])));
    log(`two instances on ${database.where}: A ${instances[0].url} (pid ${instances[0].child.pid}), B ${instances[1].url} (pid ${instances[1].child.pid})`);

    const tokens = { owner: '', analyst: '', viewer: '' };
    for (const role of ['owner', 'analyst', 'viewer'] as const) {
      const res = await fetch(`${instances[0].url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: Q.signIn, variables: { input: { email: DEMO_USERS[role].email, password: DEMO_PASSWORD } } }),
      });
      tokens[role] = ((await res.json()) as any).data.signIn.token;
    }
    const [{ since }] = await sql<{ since: string }>(database.url, 'SELECT COALESCE(max(id), 0)::text AS since FROM activity WHERE workspace_id = $1', [WORKSPACE]);
    for (let i = 0; i < 10; i++) {
      const on = instances[i % 2];
      const seen: string[] = [];
      const recording = subscribe<{ activityAdded: { id: string } }>(on.url, { token: tokens.viewer }, Q.activity, { since }, (v) => seen.push(v.activityAdded.id));
      steady.push({ on: on.name, seen, recording });
    }
    await Promise.all(steady.map((s) => s.recording.ready(0)));

    const load = new Load(instances, tokens);
    const workers = [...load.readers(4), load.writer(), load.commenter(), load.digests(), load.churn()];

    await sleep(WARMUP_MS);
    const warmedUp = instances.map((i) => rssMb(i.child.pid!));
    log(`warm-up done: RSS ${instances.map((i, k) => `${i.name} ${warmedUp[k].toFixed(1)} MB`).join(', ')}; ${load.latencies.length} requests`);
    if (load.failures.length) log(`failures in the warm-up: ${load.failures.length}`);
    load.latencies = [];

    // The first and the last third of the measured minutes (one minute each in a 2-minute run) are
    // compared, so that one minute's noise is not taken for a trend: RSS moves by a third with
    // garbage collection, and latency with whatever else the machine runs. A third's p99 is the
    // median of the p99s of its 10-second slices: a few seconds of another process's burst move
    // one slice, not the result.
    const window = Math.max(1, Math.ceil(MINUTES / 3));
    const first = { p99s: [] as number[], rss: instances.map((_, k) => [warmedUp[k]]) };
    const last = { p99s: [] as number[], rss: instances.map(() => [] as number[]) };
    for (let minute = 1; minute <= MINUTES; minute++) {
      const samples: number[][] = instances.map(() => []);
      const latencies: number[] = [];
      const p99s: number[] = [];
      for (let t = RSS_EVERY_MS; t <= MINUTE_MS; t += RSS_EVERY_MS) {
        await sleep(RSS_EVERY_MS);
        instances.forEach((i, k) => samples[k].push(rssMb(i.child.pid!)));
        if (t % SLICE_MS === 0) {
          p99s.push(percentile([...load.latencies].sort((x, y) => x - y), 99));
          latencies.push(...load.latencies);
          load.latencies = [];
        }
      }
      if (minute <= window) {
        first.p99s.push(...p99s);
        samples.forEach((s, k) => first.rss[k].push(...s));
      }
      if (minute > MINUTES - window) {
        last.p99s.push(...p99s);
        samples.forEach((s, k) => last.rss[k].push(...s));
      }
      const sorted = [...latencies].sort((x, y) => x - y);
      log(
        `minute ${minute}: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; ` +
          `RSS ${instances.map((i, k) => `${i.name} ${percentile([...samples[k]].sort((x, y) => x - y), 50).toFixed(1)} MB`).join(', ')} (median of a reading every 5 s)`,
      );
    }

    const problems: string[] = [];
    const sortedOf = (values: number[]) => [...values].sort((x, y) => x - y);
    const [p99First, p99Last] = [percentile(sortedOf(first.p99s), 50), percentile(sortedOf(last.p99s), 50)];
    const span = (from: number, to: number) => (from === to ? `minute ${from}` : `minutes ${from}–${to}`);
    const [firstSpan, lastSpan] = [span(1, window), span(MINUTES - window + 1, MINUTES)];
    log(`p99 (median of its 10-second slices) ${p99First.toFixed(1)} ms in ${firstSpan}, ${p99Last.toFixed(1)} ms in ${lastSpan} (${(((p99Last - p99First) / p99First) * 100).toFixed(1)}%)`);
    if (p99Last > p99First * (1 + P99_DRIFT) && p99Last - p99First > P99_FLOOR_MS) {
      problems.push(`p99 drifted: ${p99Last.toFixed(1)} ms in ${lastSpan} is more than 50% and ${P99_FLOOR_MS} ms above ${p99First.toFixed(1)} ms in ${firstSpan}`);
    }
    instances.forEach((instance, k) => {
      const peak = Math.max(...first.rss[k]);
      const median = percentile(sortedOf(last.rss[k]), 50);
      log(`${instance.name}: RSS at most ${peak.toFixed(1)} MB up to the end of ${firstSpan}, median ${median.toFixed(1)} MB in ${lastSpan} (${(((median - peak) / peak) * 100).toFixed(1)}%)`);
      if (median > peak * (1 + RSS_GROWTH)) problems.push(`${instance.name}'s RSS grew: median ${median.toFixed(1)} MB in ${lastSpan} is more than 20% above ${peak.toFixed(1)} MB, the most up to the end of ${firstSpan}`);
    });
    load.running = false;
    await Promise.all(workers);

    // The subscribers that stayed open got every change of the log, once, in order.
    const logIds = (await sql<{ id: string }>(database.url, 'SELECT a.id::text AS id FROM activity a WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id', [WORKSPACE, since])).map((r) => r.id);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !steady.every((s) => s.seen.length >= logIds.length)) await sleep(200);
    for (const [i, s] of steady.entries()) {
      if (JSON.stringify(s.seen) !== JSON.stringify(logIds)) {
        const at = s.seen.findIndex((id, k) => id !== logIds[k]);
        problems.push(`subscriber ${i} on ${s.on} got ${s.seen.length} changes, the log has ${logIds.length}; from #${at}: ${s.seen.slice(at, at + 3)} for ${logIds.slice(at, at + 3)}`);
      }
      if (s.recording.errors.length || s.recording.closed) problems.push(`subscriber ${i} on ${s.on} ended: ${JSON.stringify(s.recording.errors).slice(0, 300)} ${JSON.stringify(s.recording.closed)}`);
    }
    if (load.failures.length) problems.push(`${load.failures.length} requests failed, the first: ${load.failures.slice(0, 5).join(' | ')}`);
    log(`requests by kind: ${JSON.stringify(load.counts)}; ${logIds.length} changes delivered to each of ${steady.length} open subscribers`);
    if (problems.length) {
      log(`FAILED:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    } else {
      log('passed: no RSS growth over 20%, no p99 drift over 50%, nothing failed or missed');
    }
  } finally {
    await Promise.all(steady.map((s) => s.recording.close().catch(() => undefined)));
    await Promise.all(instances.map((i) => stopApiProcess(i)));
    await database?.close().catch((err) => log(`closing the database: ${err}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
