/**
 * Digest benchmark: subscribers (members watching commitments, agreements or parties) and 50,000
 * activity rows in one period, every digest built and delivered by the DigestRunnerService of the
 * built API process to an SMTP sink in a child process (which counts messages and discards them).
 * Run for 2,500, 10,000 and 20,000 subscribers, each on a fresh database and a fresh API process,
 * to show that the worker's memory stays flat as subscribers grow.
 *
 * The floor, measured in the same run for each size: bare nodemailer in this process, pooled as the
 * API's transport is (SMTP_POOL_SIZE connections, DIGEST_SEND_CONCURRENCY messages in flight),
 * sending as many messages of the same sizes (digests rendered once, before the clock starts) to
 * the same sink. Digests/s is reported as a fraction of it: what building from the database,
 * rendering and recording each delivery leave of the mail path alone.
 *
 *   npx ts-node --transpile-only -P apps/api/tsconfig.app.json -r tsconfig-paths/register test/bench/digests.ts
 *
 * Uses its own embedded PostgreSQL in a temporary directory, or the server of DATABASE_URL (in
 * databases of its own, dropped afterwards). Prints a table; writes docs/benchmarks-digests.json.
 * Environment: DIGEST_BENCH_SIZES=2500,10000,20000,100000 to choose the sizes.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { prepareDatabase } from '../../apps/api/src/database/database-runtime';
import { startEmbeddedDatabase } from '../../apps/api/src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/database/seeds/demo-accounts';
import { SEED_IDS } from '../../apps/api/src/database/seeds/us-mexico-migration-talks.seed-data';
import { DigestAgreement, DigestContent, DigestItem } from '../../apps/api/src/modules/digests/digest-content';
import { renderDigest } from '../../apps/api/src/modules/digests/digest-renderer';
import { ensureBuilt, ROOT, startApiProcess, stopApiProcess } from '../../apps/api/test/support/built-api';
import { postgresCpuMs, processCpuMs } from './servers';

const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '2500,10000,20000').split(',').map((n) => Number(n.trim()));
const ACTIVITY_ROWS = 50_000;
const AGREEMENTS = 500;
const COMMITMENTS_PER_AGREEMENT = 20; // 10,000 commitments, five changes each
const PARTIES = 200; // one per commitment: 50 commitments each
const WORKSPACE = SEED_IDS.workspace;
const MINUTE = 60_000;
const OUTPUT = join(ROOT, 'docs/benchmarks-digests.json');

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Sink {
  url: string;
  pid: number;
  count(): Promise<{ messages: number; bytes: number; cpuMs: number }>;
  close(): Promise<void>;
}

/** The sink (smtp-sink.mjs) in a child process: counts messages and their bytes, keeps nothing. */
async function startCountingSink(): Promise<Sink> {
  const child = fork(join(__dirname, 'smtp-sink.mjs'), [], { execArgv: [], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  let asked = 0;
  return {
    url,
    pid: child.pid!,
    count: () =>
      new Promise((resolve) => {
        const id = ++asked;
        const onMessage = (m: { id: number; messages: number; bytes: number; cpuMs: number }) => {
          if (m.id !== id) return;
          child.off('message', onMessage);
          resolve(m);
        };
        child.on('message', onMessage);
        child.send({ count: id });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer(adminUrl: string, text: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The workspace grown to 500 agreements × 20 commitments, 200 more parties, and 50,000 status
 * changes in the period; `subscribers` members, 60 % watching a commitment, 30 % an agreement,
 * 10 % a party, with instant digests last sent ten minutes ago.
 */
async function populate(url: string, subscribers: number, periodStart: Date): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN');
    const codes = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)))
      .filter((c) => c !== 'US' && c !== 'MX')
      .slice(0, PARTIES);
    const { rows: parties } = await db.query<{ id: string }>(
      `INSERT INTO parties (id, workspace_id, code, name) SELECT gen_random_uuid(), $1, code, 'Party ' || code FROM unnest($2::text[]) AS code RETURNING id`,
      [WORKSPACE, codes],
    );
    await db.query(
      `INSERT INTO agreements (id, workspace_id, title, kind, held_on)
       SELECT gen_random_uuid(), $1, 'Bench agreement ' || n, 'MEETING', date '2024-01-01' + n FROM generate_series(1, $2) AS n`,
      [WORKSPACE, AGREEMENTS],
    );
    await db.query(
      `INSERT INTO commitments (id, workspace_id, agreement_id, title, description, status)
       SELECT gen_random_uuid(), $1, a.id, a.title || ', commitment ' || n, 'A commitment made for the digest benchmark.', 'ANNOUNCED'
       FROM agreements a, generate_series(1, $2) AS n WHERE a.workspace_id = $1 AND a.title LIKE 'Bench agreement %'`,
      [WORKSPACE, COMMITMENTS_PER_AGREEMENT],
    );
    const { rows: commitments } = await db.query<{ id: string; agreement_id: string }>(
      `SELECT c.id, c.agreement_id FROM commitments c JOIN agreements a ON a.id = c.agreement_id WHERE a.title LIKE 'Bench agreement %' ORDER BY c.id`,
    );
    await db.query(
      `INSERT INTO commitment_parties (commitment_id, party_id, workspace_id) SELECT c, p, $1 FROM unnest($2::uuid[], $3::uuid[]) AS x(c, p)`,
      [WORKSPACE, commitments.map((c) => c.id), commitments.map((_, i) => parties[i % parties.length].id)],
    );
    // 50,000 status changes, five per commitment, spread over the period.
    const perCommitment = ACTIVITY_ROWS / commitments.length;
    const statuses = ['ANNOUNCED', 'IN_PROGRESS', 'STALLED', 'IN_PROGRESS', 'PARTIALLY_FULFILLED', 'IN_PROGRESS'];
    const subjects: string[] = [];
    const befores: string[] = [];
    const afters: string[] = [];
    const ats: Date[] = [];
    for (let i = 0; i < ACTIVITY_ROWS; i++) {
      const c = commitments[i % commitments.length];
      const step = Math.floor(i / commitments.length) % (statuses.length - 1);
      subjects.push(c.id);
      befores.push(JSON.stringify({ status: statuses[step] }));
      afters.push(JSON.stringify({ status: statuses[step + 1], note: `Benchmark change ${i}: field reports from the ministries <confirm> the move.`, evidenceIds: [] }));
      ats.push(new Date(periodStart.getTime() + MINUTE + Math.floor((i / ACTIVITY_ROWS) * 8 * MINUTE)));
    }
    await db.query(
      `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
       SELECT $1, 'SYSTEM', 'Bench analyst', 'commitment.status_changed', 'Commitment', s, b, a, t, s, (SELECT agreement_id FROM commitments WHERE id = s)
       FROM unnest($2::uuid[], $3::jsonb[], $4::jsonb[], $5::timestamptz[]) AS x(s, b, a, t)`,
      [WORKSPACE, subjects, befores, afters, ats],
    );
    if (perCommitment !== 5) throw new Error(`expected five changes per commitment, got ${perCommitment}`);

    // The subscribers.
    const emails = Array.from({ length: subscribers }, (_, i) => `subscriber.${i}@bench.example.org`);
    const { rows: users } = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), e, 'Subscriber ' || e, 'not-a-password' FROM unnest($1::text[]) WITH ORDINALITY AS x(e, n) ORDER BY n RETURNING id`,
      [emails],
    );
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, u, 'VIEWER' FROM unnest($2::uuid[]) AS u`, [WORKSPACE, users.map((u) => u.id)]);
    const agreementIds = [...new Set(commitments.map((c) => c.agreement_id))];
    const kinds: string[] = [];
    const targets: string[] = [];
    users.forEach((_, i) => {
      const r = i % 10;
      if (r < 6) {
        kinds.push('COMMITMENT');
        targets.push(commitments[(i * 7919) % commitments.length].id);
      } else if (r < 9) {
        kinds.push('AGREEMENT');
        targets.push(agreementIds[(i * 31) % agreementIds.length]);
      } else {
        kinds.push('PARTY');
        targets.push(parties[(i * 13) % parties.length].id);
      }
    });
    await db.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) SELECT gen_random_uuid(), $1, u, k, t FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS x(u, k, t)`,
      [WORKSPACE, users.map((u) => u.id), kinds, targets],
    );
    await db.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, covered_until) SELECT gen_random_uuid(), $1, u, 'INSTANT', $3 FROM unnest($2::uuid[]) AS u`,
      [WORKSPACE, users.map((u) => u.id), periodStart],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

/** Resident memory of a process, in MB: now (VmRSS) and its peak so far (VmHWM). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

interface Row {
  subscribers: number;
  activityRows: number;
  digestsSent: number;
  empty: number;
  failed: number;
  seconds: number;
  digestsPerSecond: number;
  /** Bare nodemailer, same sink, as many messages of the same sizes (see floor). */
  floorPerSecond: number;
  /** digestsPerSecond / floorPerSecond. */
  ofFloor: number;
  itemsPerDigest: number;
  mailMegabytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakRssSampledMb: number;
  /** CPU seconds used during the run by the API, the sink and PostgreSQL (null on DATABASE_URL). */
  apiCpuSeconds: number;
  sinkCpuSeconds: number;
  postgresCpuSeconds: number | null;
  /** CPU seconds of the floor's sender (this process) and of the sink during the floor. */
  floorSenderCpuSeconds: number;
  floorSinkCpuSeconds: number;
}

const config = new AppConfig();

/**
 * The floor's messages: digests rendered as the bench's subscribers get them (five changes on each
 * commitment followed), a sixth watching one commitment, three a tenth an agreement (20
 * commitments), a tenth a party (50 commitments, one per agreement), so that the floor sends what
 * the run sends, byte for byte nearly. Rendered once here, outside the timing.
 */
function floorMessages(periodStart: Date): { subject: string; text: string; html: string }[] {
  const statuses = ['ANNOUNCED', 'IN_PROGRESS', 'STALLED', 'IN_PROGRESS', 'PARTIALLY_FULFILLED', 'IN_PROGRESS'];
  let n = 0;
  const commitment = (agreement: number, c: number) => ({
    id: `00000000-0000-4000-8000-${String(agreement * 100 + c).padStart(12, '0')}`,
    title: `Bench agreement ${agreement}, commitment ${c}`,
    status: 'IN_PROGRESS',
    items: statuses.slice(0, 5).map((from, step): DigestItem => ({
      kind: 'STATUS',
      at: new Date(periodStart.getTime() + MINUTE + (n++ % 480) * 1000),
      actor: 'Bench analyst',
      occurredOn: null,
      from,
      to: statuses[step + 1],
      reasonCode: null,
      note: `Benchmark change ${n}: field reports from the ministries <confirm> the move.`,
      evidence: [],
    })),
  });
  const content = (agreements: DigestAgreement[]): DigestContent => ({
    audience: 'MEMBER',
    workspaceName: 'US–Mexico migration talks',
    windowStart: periodStart,
    windowEnd: new Date(periodStart.getTime() + 10 * MINUTE),
    agreements,
    counts: { statusChanges: agreements.reduce((sum, a) => sum + a.commitments.length * 5, 0), progressNotes: 0, newSources: 0, figuresMoved: 0, mentions: 0, assignments: 0, reminders: 0 },
  });
  const shapes = [
    content([{ id: 'a1', title: 'Bench agreement 1', commitments: [commitment(1, 1)] }]),
    content([{ id: 'a2', title: 'Bench agreement 2', commitments: Array.from({ length: 20 }, (_, c) => commitment(2, c + 1)) }]),
    content(Array.from({ length: 50 }, (_, a) => ({ id: `p${a}`, title: `Bench agreement ${a + 3}`, commitments: [commitment(a + 3, 1)] }))),
  ];
  const unsubscribeUrl = `${config.publicUrl}/unsubscribe?token=${'x'.repeat(80)}`;
  return shapes.map((c) => renderDigest(c, { locale: 'en', timeZone: 'UTC', publicUrl: config.publicUrl, unsubscribeUrl }));
}

/**
 * Bare nodemailer: `count` messages over a pool of SMTP_POOL_SIZE connections with
 * DIGEST_SEND_CONCURRENCY in flight (the API's defaults), with the same headers and the same
 * transfer encoding (base64) as a digest.
 */
async function floor(sinkUrl: string, count: number, periodStart: Date): Promise<{ seconds: number; cpuMs: number }> {
  const shapes = floorMessages(periodStart);
  const transport = createTransport({ url: sinkUrl, pool: true, maxConnections: config.SMTP_POOL_SIZE });
  let next = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const sender = async () => {
    for (let i = next++; i < count; i = next++) {
      const r = i % 10;
      const m = shapes[r < 6 ? 0 : r < 9 ? 1 : 2];
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: `subscriber.${i}@bench.example.org`,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<digest.floor-${i}@pactwatch>`,
        textEncoding: 'base64',
        headers: { 'List-Unsubscribe': '<https://example.org/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Pactwatch-Workspace': WORKSPACE },
      });
    }
  };
  await Promise.all(Array.from({ length: config.DIGEST_SEND_CONCURRENCY }, sender));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  transport.close();
  return { seconds, cpuMs: (used.user + used.system) / 1000 };
}

async function runSize(adminUrl: string, sink: Sink, postmasterPid: number | null, subscribers: number): Promise<Row> {
  const name = `pactwatch_bench_digests_${randomBytes(4).toString('hex')}`;
  await onServer(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-bench-digests-'));
  try {
    await prepareDatabase(url, { seed: true, demo: true });
    // Whole minutes: the instant period that ends at the last minute holds all of it.
    const periodStart = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE);
    const setupStart = Date.now();
    await populate(url, subscribers, periodStart);
    log(`  ${subscribers} subscribers and ${ACTIVITY_ROWS} activity rows written in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

    let run: Omit<Row, 'floorPerSecond' | 'ofFloor' | 'floorSenderCpuSeconds' | 'floorSinkCpuSeconds'>;
    const api = await startApiProcess(`api-${subscribers}`, {
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      DIGEST_POLL_SECONDS: '0',
      DIGEST_GRACE_SECONDS: '0',
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      SEED_DEMO_ACCOUNTS: 'false',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    try {
      const pid = api.child.pid!;
      // node:http, not fetch: fetch gives up on an answer after 300 s, and runDigests at 100,000 subscribers takes longer.
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const text = await new Promise<string>((resolve, reject) => {
          const req = request(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (data += chunk));
            res.on('end', () => resolve(data));
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end(JSON.stringify({ query, variables }));
        });
        const body = JSON.parse(text) as { data?: any; errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data;
      };
      const { signIn } = await gql('mutation($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { email: DEMO_USERS.owner.email, password: DEMO_PASSWORD },
      });
      const before = memoryOf(pid);
      let sampled = before.rss;
      const sampler = setInterval(() => {
        try {
          sampled = Math.max(sampled, memoryOf(pid).rss);
        } catch {
          // exited
        }
      }, 100);
      const sentBefore = await sink.count();
      const apiCpu = processCpuMs(pid);
      const pgCpu = postmasterPid ? postgresCpuMs(postmasterPid) : null;
      const started = process.hrtime.bigint();
      const { runDigests } = await gql('mutation { runDigests { scheduled sent empty failed } }', {}, signIn.token);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      const after = memoryOf(pid);
      const apiCpuSeconds = (processCpuMs(pid) - apiCpu) / 1000;
      const postgresCpuSeconds = pgCpu === null || !postmasterPid ? null : (postgresCpuMs(postmasterPid) - pgCpu) / 1000;
      const sent = await sink.count();
      if (runDigests.scheduled !== subscribers || runDigests.sent !== subscribers || sent.messages - sentBefore.messages !== subscribers) {
        throw new Error(`expected ${subscribers} digests sent, got ${JSON.stringify(runDigests)} and ${sent.messages - sentBefore.messages} at the sink`);
      }
      const [{ items }] = (await sqlRows(url, `SELECT COALESCE(sum(item_count), 0)::bigint AS items FROM digest_deliveries WHERE status = 'SENT'`)) as { items: string }[];
      run = {
        subscribers,
        activityRows: ACTIVITY_ROWS,
        digestsSent: runDigests.sent,
        empty: runDigests.empty,
        failed: runDigests.failed,
        seconds: round(seconds, 1),
        digestsPerSecond: round(runDigests.sent / seconds, 0),
        itemsPerDigest: round(Number(items) / runDigests.sent, 1),
        mailMegabytes: round((sent.bytes - sentBefore.bytes) / 1024 / 1024, 0),
        rssBeforeMb: round(before.rss, 0),
        peakRssMb: round(after.hwm, 0),
        peakRssSampledMb: round(sampled, 0),
        apiCpuSeconds: round(apiCpuSeconds, 1),
        sinkCpuSeconds: round((sent.cpuMs - sentBefore.cpuMs) / 1000, 1),
        postgresCpuSeconds: postgresCpuSeconds === null ? null : round(postgresCpuSeconds, 1),
      };
    } finally {
      await stopApiProcess(api);
    }
    // The floor, with the API stopped: the same number of messages to the same sink.
    const floorBefore = await sink.count();
    const f = await floor(sink.url, subscribers, periodStart);
    const floorAfter = await sink.count();
    if (floorAfter.messages - floorBefore.messages !== subscribers) throw new Error(`the floor sent ${floorAfter.messages - floorBefore.messages} of ${subscribers}`);
    const floorPerSecond = subscribers / f.seconds;
    log(`  floor: ${subscribers} messages (${round((floorAfter.bytes - floorBefore.bytes) / 1024 / 1024, 0)} MB) by bare nodemailer in ${f.seconds.toFixed(1)} s`);
    return {
      ...run,
      floorPerSecond: round(floorPerSecond, 0),
      ofFloor: round(run.digestsPerSecond / floorPerSecond, 2),
      floorSenderCpuSeconds: round(f.cpuMs / 1000, 1),
      floorSinkCpuSeconds: round((floorAfter.cpuMs - floorBefore.cpuMs) / 1000, 1),
    };
  } finally {
    await onServer(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function sqlRows(url: string, text: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const startedAt = Date.now();
  log('digest benchmark: building the API when its dist is stale…');
  await ensureBuilt();

  let stopDatabase: () => Promise<void> = async () => undefined;
  let adminUrl = process.env.DATABASE_URL;
  let embeddedDir: string | null = null;
  if (!adminUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'pactwatch-bench-digests-pg-'));
    const db = await startEmbeddedDatabase({ dataDir: embeddedDir, log });
    adminUrl = withDatabase(db.url, 'postgres');
    stopDatabase = () => db.stop();
  }
  const pidFile = embeddedDir ? join(embeddedDir, 'pg', 'postmaster.pid') : null;
  const postmasterPid = pidFile && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : null;
  const sink = await startCountingSink();
  const rows: Row[] = [];
  const failures: { subscribers: number; error: string }[] = [];
  try {
    for (const size of SIZES) {
      log(`${size} subscribers…`);
      let row: Row;
      try {
        row = await runSize(adminUrl, sink, postmasterPid, size);
      } catch (err) {
        // A size that fails (the largest, most often) leaves the others' figures standing, and says so.
        failures.push({ subscribers: size, error: String(err instanceof Error ? err.message : err).slice(0, 500) });
        log(`  ${size} subscribers failed: ${String(err)}`);
        continue;
      }
      log(
        `  ${row.digestsSent} digests in ${row.seconds} s: ${row.digestsPerSecond}/s, ${row.ofFloor} of the floor (${row.floorPerSecond}/s), ` +
          `peak RSS ${row.peakRssMb} MB (${row.rssBeforeMb} MB before); CPU s: API ${row.apiCpuSeconds}, sink ${row.sinkCpuSeconds}, PostgreSQL ${row.postgresCpuSeconds ?? '?'}`,
      );
      rows.push(row);
    }
  } finally {
    await sink.close();
    await stopDatabase();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  }

  const header = ['subscribers', 'digests', 'seconds', 'digests/s', 'floor/s', 'of floor', 'items/digest', 'mail MB', 'RSS before MB', 'peak RSS MB', 'CPU s API', 'sink', 'PostgreSQL'];
  const table = [
    header,
    ...rows.map((r) =>
      [r.subscribers, r.digestsSent, r.seconds, r.digestsPerSecond, r.floorPerSecond, r.ofFloor, r.itemsPerDigest, r.mailMegabytes, r.rssBeforeMb, r.peakRssMb, r.apiCpuSeconds, r.sinkCpuSeconds, r.postgresCpuSeconds ?? '-'].map(String),
    ),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const flags = process.env.PACTWATCH_API_NODE_ARGS ? ` (API run with ${process.env.PACTWATCH_API_NODE_ARGS})` : '';
  console.log(`\nDigests: built from the activity log (${ACTIVITY_ROWS} rows) and delivered over SMTP by the API process (runDigests)${flags}; floor: bare nodemailer, same sink`);
  for (const [i, line] of table.entries()) {
    console.log(line.map((cell, j) => cell.padStart(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const f of failures) console.log(`${f.subscribers} subscribers: failed (${f.error})`);
  if (!rows.length) throw new Error('no size completed');
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version },
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL',
    /** Node flags of the API process (PACTWATCH_API_NODE_ARGS): none unless said here. */
    apiNodeArgs: process.env.PACTWATCH_API_NODE_ARGS ?? '',
    workload: {
      activityRows: ACTIVITY_ROWS,
      commitments: AGREEMENTS * COMMITMENTS_PER_AGREEMENT,
      agreements: AGREEMENTS,
      parties: PARTIES,
      watches: '60 % one commitment, 30 % one agreement, 10 % one party; instant digests, one period',
    },
    notes:
      'Peak RSS is VmHWM of the API process (kernel-tracked peak); it includes the Nest app itself (RSS before) and garbage V8 has not collected yet. ' +
      'V8 lets an uncapped heap grow well past what is live before a full collection (heap snapshots during a 10,000 run: ~120 MB live, 67 MB of it the idle app), so the peak follows V8 heap sizing more than retention; ' +
      'to check the live heap, run with PACTWATCH_API_NODE_ARGS=--max-old-space-size=192: the run must still complete, and its peak is what a capped deployment sees. ' +
      `The floor is bare nodemailer in the bench process (pool of ${config.SMTP_POOL_SIZE}, ${config.DIGEST_SEND_CONCURRENCY} in flight) sending as many messages of the same sizes to the same sink (a child process), with the API stopped; ofFloor is digests/s over floor/s. ` +
      'CPU seconds are per process during the run (PostgreSQL: the postmaster and its children, embedded only). Numbers are noisy on a shared 2-core machine, where the API, PostgreSQL and the sink compete for the cores.',
    results: rows,
    failures,
    totalSeconds: round((Date.now() - startedAt) / 1000, 0),
  };
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${OUTPUT.slice(ROOT.length + 1)} (${report.totalSeconds} s in all)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
