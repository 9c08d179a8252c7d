/**
 * Digest benchmark: 10,000 subscribers (members watching commitments, agreements or parties) and
 * 50,000 activity rows in one period, every digest built and delivered by the DigestRunnerService
 * of the built API process to an SMTP sink in this process (which counts messages and discards
 * them). Run for 2,500, 5,000 and 10,000 subscribers, each on a fresh database and a fresh API
 * process, to show that the worker's memory stays bounded as subscribers grow.
 *
 *   npx ts-node --transpile-only -P apps/api/tsconfig.app.json -r tsconfig-paths/register test/bench/digests.ts
 *
 * Uses its own embedded PostgreSQL in a temporary directory, or the server of DATABASE_URL (in
 * databases of its own, dropped afterwards). Prints a table; writes docs/benchmarks-digests.json.
 * Environment: DIGEST_BENCH_SIZES=2500,5000,10000 to choose the sizes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { prepareDatabase } from '../../apps/api/src/database/database-runtime';
import { startEmbeddedDatabase } from '../../apps/api/src/database/embedded-database';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/api/src/database/seeds/demo-accounts';
import { SEED_IDS } from '../../apps/api/src/database/seeds/us-mexico-migration-talks.seed-data';
import { ensureBuilt, ROOT, startApiProcess, stopApiProcess } from '../../apps/api/test/support/built-api';

const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '2500,5000,10000').split(',').map((n) => Number(n.trim()));
const ACTIVITY_ROWS = 50_000;
const AGREEMENTS = 500;
const COMMITMENTS_PER_AGREEMENT = 20; // 10,000 commitments, five changes each
const PARTIES = 200; // one per commitment: 50 commitments each
const WORKSPACE = SEED_IDS.workspace;
const MINUTE = 60_000;
const OUTPUT = join(ROOT, 'docs/benchmarks-digests.json');

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Counts messages and their bytes, keeps nothing. */
async function startCountingSink(): Promise<{ url: string; count(): { messages: number; bytes: number }; close(): Promise<void> }> {
  let messages = 0;
  let bytes = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 0,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const sockets = new Set<import('node:net').Socket>();
  server.server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    count: () => ({ messages, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
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
      `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at)
       SELECT $1, 'SYSTEM', 'Bench analyst', 'commitment.status_changed', 'Commitment', s, b, a, t
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
  itemsPerDigest: number;
  mailMegabytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakRssSampledMb: number;
}

async function runSize(adminUrl: string, sinkUrl: string, sink: () => { messages: number; bytes: number }, subscribers: number): Promise<Row> {
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

    const api = await startApiProcess(`api-${subscribers}`, {
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SMTP_URL: sinkUrl,
      DIGEST_POLL_SECONDS: '0',
      DIGEST_GRACE_SECONDS: '0',
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      SEED_DEMO_ACCOUNTS: 'false',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    try {
      const pid = api.child.pid!;
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: any; errors?: unknown[] };
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
      const sentBefore = sink();
      const started = process.hrtime.bigint();
      const { runDigests } = await gql('mutation { runDigests { scheduled sent empty failed } }', {}, signIn.token);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      const after = memoryOf(pid);
      const sent = sink();
      if (runDigests.scheduled !== subscribers || runDigests.sent !== subscribers || sent.messages - sentBefore.messages !== subscribers) {
        throw new Error(`expected ${subscribers} digests sent, got ${JSON.stringify(runDigests)} and ${sent.messages - sentBefore.messages} at the sink`);
      }
      const [{ items }] = (await sqlRows(url, `SELECT COALESCE(sum(item_count), 0)::bigint AS items FROM digest_deliveries WHERE status = 'SENT'`)) as { items: string }[];
      return {
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
      };
    } finally {
      await stopApiProcess(api);
    }
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
  const sink = await startCountingSink();
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      log(`${size} subscribers…`);
      const row = await runSize(adminUrl, sink.url, sink.count, size);
      log(`  ${row.digestsSent} digests in ${row.seconds} s: ${row.digestsPerSecond}/s, peak RSS ${row.peakRssMb} MB (${row.rssBeforeMb} MB before)`);
      rows.push(row);
    }
  } finally {
    await sink.close();
    await stopDatabase();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  }

  const header = ['subscribers', 'activity rows', 'digests', 'seconds', 'digests/s', 'items/digest', 'mail MB', 'RSS before MB', 'peak RSS MB'];
  const table = [header, ...rows.map((r) => [r.subscribers, r.activityRows, r.digestsSent, r.seconds, r.digestsPerSecond, r.itemsPerDigest, r.mailMegabytes, r.rssBeforeMb, r.peakRssMb].map(String))];
  const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  console.log('\nDigests: built from the activity log and delivered over SMTP by the API process (runDigests)');
  for (const [i, line] of table.entries()) {
    console.log(line.map((cell, j) => cell.padStart(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version },
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL',
    workload: {
      activityRows: ACTIVITY_ROWS,
      commitments: AGREEMENTS * COMMITMENTS_PER_AGREEMENT,
      agreements: AGREEMENTS,
      parties: PARTIES,
      watches: '60 % one commitment, 30 % one agreement, 10 % one party; instant digests, one period',
    },
    notes:
      'Peak RSS is VmHWM of the API process (kernel-tracked peak); it includes the Nest app itself (RSS before) and garbage V8 has not collected yet. ' +
      'To check the live heap, run with PACTWATCH_API_NODE_ARGS=--max-old-space-size=128: the run must still complete. Numbers are noisy on a shared machine.',
    results: rows,
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
