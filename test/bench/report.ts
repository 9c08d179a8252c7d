import { mkdirSync, writeFileSync } from 'node:fs';
import { AblationResult } from './ablation';
import { join } from 'node:path';
import { ReadRun } from './load';
import { SystemId } from './queries';
import { pactwatchConcurrency, pactwatchNodeFlags } from './servers';
import { BenchSection } from './sections';
import { WriteRun } from './writes';

export interface StatementCount {
  /** Statements per request for the bench query (20 agreements), over 5 requests one after the other. */
  perRequest: number | null;
  /** For a single request reading 2 agreements: the same number when the count does not grow with the data. */
  perRequestTwoAgreements: number | null;
  constant: boolean | null;
  /** The statements of one bench request, most frequent first (normalised text from pg_stat_statements). */
  statements: { calls: number; query: string }[];
}

export interface BenchResults {
  generatedAt: string;
  totalSeconds: number;
  machine: {
    nproc: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    database: string;
    os: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  dataset: { description: string; reading: string; counts: Record<string, number> };
  settings: { durationS: number; warmUpS: number; rounds: number; connections: number[]; order: string };
  read: {
    query: string;
    responseBytes: Record<SystemId, number>;
    compared: Record<string, number>;
    statements: Record<SystemId, StatementCount>;
    runs: ReadRun[];
    summary: ReadSummary[];
    /** Each fast-path piece off in turn (null: BENCH_ABLATION=off). */
    ablation: AblationResult | null;
  };
  write: {
    runs: WriteRun[];
    statementsPerChange: Record<string, number | null>;
    consistent: boolean;
  };
  notes: string[];
  sections: Record<string, unknown>;
}

export interface ReadSummary {
  system: SystemId;
  connections: number;
  rounds: number;
  requestsPerSecond: number;
  vsPostgraphile: number | null;
  vsFloor: number | null;
  p50Ms: number;
  p99Ms: number;
  p99VsFloor: number | null;
  errors: number;
  statementsPerRequest: number | null;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
}

const SYSTEM_NAMES: Record<string, string> = { pactwatch: 'Pactwatch', postgraphile: 'PostGraphile 5', floor: 'Floor (one SQL statement)' };
const WRITER_NAMES: Record<string, string> = { pactwatch: 'Pactwatch (changeCommitmentStatus)', floor: 'Floor (plain SQL, one transaction)' };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per system and number of connections: the mean of the rounds, with the ratios of the same run. */
export function summariseReads(runs: ReadRun[], statements: Record<SystemId, StatementCount>): ReadSummary[] {
  const systems: SystemId[] = ['pactwatch', 'postgraphile', 'floor'];
  const connections = [...new Set(runs.map((r) => r.connections))];
  const rows: ReadSummary[] = [];
  for (const c of connections) {
    const of = (s: SystemId) => runs.filter((r) => r.system === s && r.connections === c);
    const base = (s: SystemId) => {
      const rs = of(s);
      return rs.length ? { rps: mean(rs.map((r) => r.requestsPerSecond)), p99: mean(rs.map((r) => r.latencyMs.p99)) } : null;
    };
    const pgl = base('postgraphile');
    const floor = base('floor');
    for (const s of systems) {
      const rs = of(s);
      if (!rs.length) continue;
      const rps = mean(rs.map((r) => r.requestsPerSecond));
      const p99 = mean(rs.map((r) => r.latencyMs.p99));
      const pgCpu = rs.map((r) => r.postgresCpuMsPerRequest);
      rows.push({
        system: s,
        connections: c,
        rounds: rs.length,
        requestsPerSecond: rps,
        vsPostgraphile: pgl ? rps / pgl.rps : null,
        vsFloor: floor ? rps / floor.rps : null,
        p50Ms: mean(rs.map((r) => r.latencyMs.p50)),
        p99Ms: p99,
        p99VsFloor: floor ? p99 / floor.p99 : null,
        errors: rs.reduce((n, r) => n + r.errors, 0),
        statementsPerRequest: statements[s]?.perRequest ?? null,
        serverCpuMsPerRequest: mean(rs.map((r) => r.serverCpuMsPerRequest)),
        postgresCpuMsPerRequest: pgCpu.every((x) => x !== null) ? mean(pgCpu as number[]) : null,
      });
    }
  }
  return rows;
}

const f = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const ratio = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}×`);

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function renderMarkdown(r: BenchResults, sections: BenchSection[]): string {
  const m = r.machine;
  const pw10 = r.read.summary.find((s) => s.system === 'pactwatch' && s.connections === 10);
  const pwStatements = r.read.statements.pactwatch;
  const out: string[] = [];
  out.push(`# Benchmarks

Pactwatch's nested GraphQL read against PostGraphile 5 over the same tables and against the floor (one
hand-written SQL statement with JSON aggregation behind plain \`node:http\`), and the status-change write
path against the same statements in plain SQL. Same data, same machine, same run. Generated by
\`npm run bench\` (code in \`test/bench/\`) on ${r.generatedAt}, in ${Math.round(r.totalSeconds)} s; raw figures in
[benchmarks.json](benchmarks.json).

## Machine

${table(['CPUs (nproc)', 'CPU', 'Memory', 'Node', 'PostgreSQL', 'Database', 'OS', 'Load average at start / end (1 min)'], [[
    String(m.nproc), m.cpuModel, `${f(m.memoryGiB)} GiB`, m.node, m.postgres, m.database, m.os, `${m.loadAverageAtStart[0].toFixed(2)} / ${m.loadAverageAtEnd[0].toFixed(2)}`,
  ]])}

The load generator (autocannon) runs on the same machine as the servers and PostgreSQL, one server at a time.${
    m.loadAverageAtStart[0] > m.nproc / 2 ? `\n\n**The machine was busy when the bench started (load average ${m.loadAverageAtStart[0].toFixed(2)} on ${m.nproc} CPUs): the figures are noisy; compare the ratios of this run, not absolute numbers.**` : ''
  }

## Data set

${r.dataset.description}

${r.dataset.reading}

${table(Object.keys(r.dataset.counts), [Object.values(r.dataset.counts).map(String)])}

## The nested read

20 agreements (newest first), each with its first 20 commitments (creation order), each with its parties,
its first 5 evidence (newest first) and its latest status change; the same fields from each system in its
own names (test/bench/queries.ts, test/bench/floor-server.mjs). Before any timing, and again after every
server start, the three answers are checked to hold the same agreement, commitment, evidence and status
change ids in the same order, and the same party codes (${Object.entries(r.read.compared).map(([k, v]) => `${v} ${k}`).join(', ')});
the bench stops if they differ. Under load, an answer whose size is more than 5% off the checked one
counts as an error. Answer sizes: ${(['pactwatch', 'postgraphile', 'floor'] as SystemId[]).map((s) => `${SYSTEM_NAMES[s]} ${f(r.read.responseBytes[s] / 1024, 0)} KiB`).join(', ')}.

Load: autocannon, ${r.settings.connections.join(' and ')} connections, ${r.settings.durationS} s per run after a
${r.settings.warmUpS} s warm-up at every server start, ${r.settings.rounds} round${r.settings.rounds === 1 ? '' : 's'}; ${r.settings.order}
Each server is a child process of its own with a pool of 10 connections to PostgreSQL; no response cache anywhere.
Pactwatch runs as \`npm start\` runs it (node flags: ${pactwatchNodeFlags().join(' ') || 'none'}), with GRAPHQL_CONCURRENCY = ${pactwatchConcurrency()} (at most that many GraphQL requests worked on at once, the others queued; the bench's one API key may hold all of them, as many clients would between them) and a rate limit high enough for the load; the others with Node's defaults.

### Results (mean of the rounds)

${table(
    ['System', 'Connections', 'Requests/s', '× PostGraphile', '× floor', 'p50 ms', 'p99 ms', 'p99 × floor', 'Errors', 'SQL statements/request', 'Server CPU ms/request', 'PostgreSQL CPU ms/request'],
    r.read.summary.map((s) => [
      SYSTEM_NAMES[s.system], String(s.connections), f(s.requestsPerSecond), ratio(s.vsPostgraphile), ratio(s.vsFloor), f(s.p50Ms), f(s.p99Ms),
      ratio(s.p99VsFloor), String(s.errors), f(s.statementsPerRequest, 0), f(s.serverCpuMsPerRequest, 2), f(s.postgresCpuMsPerRequest, 2),
    ]),
  )}

### Every run

${table(
    ['Round', 'System', 'Connections', 'Requests (sent)', 'Requests/s', 'p50 ms', 'p90 ms', 'p99 ms', 'Errors', 'Bytes/response', 'Server CPU ms/request', 'PostgreSQL CPU ms/request'],
    r.read.runs.map((x) => [
      String(x.round), SYSTEM_NAMES[x.system], String(x.connections), `${x.requests} (${x.sent})`, f(x.requestsPerSecond), f(x.latencyMs.p50), f(x.latencyMs.p90),
      f(x.latencyMs.p99), x.errors ? `${x.errors} (${JSON.stringify(x.errorDetail)})` : '0', String(x.bytesPerResponse), f(x.serverCpuMsPerRequest, 2),
      f(x.postgresCpuMsPerRequest, 2),
    ]),
  )}

${renderAblation(r.read.ablation, r.read.summary)}

### How the figures are taken

- **SQL statements per request** are counted, not assumed: PostgreSQL's \`pg_stat_statements\` (the bench
  restarts its embedded server once with it preloaded) is reset, requests are sent one after the other, and
  the calls recorded for the bench database are summed: every top-level statement, \`BEGIN\`/\`COMMIT\` and the
  API key check included. The figure is over 5 requests of the bench query; a single request for 2 agreements
  gives ${(['pactwatch', 'postgraphile', 'floor'] as SystemId[]).map((s) => `${f(r.read.statements[s].perRequestTwoAgreements, 0)} (${SYSTEM_NAMES[s]})`).join(', ')}, so the count
  ${(['pactwatch', 'postgraphile', 'floor'] as SystemId[]).every((s) => r.read.statements[s].constant) ? 'does not grow with the data read' : 'is not the same for every system at both sizes'}.
- **Server CPU** is the child process's user + system time from \`/proc/<pid>/stat\`, read before each run and
  after the server has finished the requests still in flight when autocannon stopped, divided by the requests
  sent. **PostgreSQL CPU** is the same for the postmaster and all its processes (backends and background
  workers): the database's share of the work. Every run starts on an idle server (warm-up leftovers drained).
- **Requests/s** is the requests answered within the run over its duration; p50/p99 are autocannon's latencies
  (with few requests per run, as for a slow system, p99 is close to the maximum).

${(['pactwatch', 'postgraphile', 'floor'] as SystemId[]).map((s) => `<details><summary>Statements of one request: ${SYSTEM_NAMES[s]}</summary>\n\n${table(['Calls', 'Statement (normalised)'], r.read.statements[s].statements.map((x) => [String(x.calls), `\`${x.query.replace(/\|/g, '\\|')}\``]))}\n\n</details>`).join('\n\n')}

## Write path

${r.write.runs[0]?.analysts ?? 20} analysts at once, each moving its own 25 commitments between IN_PROGRESS and ANNOUNCED and
passing the version it last saw as \`expectedVersion\`. Pactwatch: \`changeCommitmentStatus\` over HTTP, each analyst
with a READ_WRITE API key of its own. Floor: the same writes as plain SQL with \`pg\`, one connection per analyst, one
transaction per change (\`BEGIN\`; \`UPDATE commitments … WHERE version = expected\`; \`INSERT status_changes\`;
\`INSERT activity\`; \`COMMIT\`), from the bench process itself. Afterwards every written commitment's version
equals the number of its status changes: ${r.write.consistent ? 'yes' : '**NO**'}.

${table(
    ['System', 'Changes/s', '× floor', 'p50 ms', 'p99 ms', 'Errors', 'SQL statements/change', 'Server CPU ms/change', 'PostgreSQL CPU ms/change'],
    r.write.runs.map((w) => {
      const floor = r.write.runs.find((x) => x.system === 'floor');
      return [
        WRITER_NAMES[w.system], f(w.changesPerSecond), floor ? ratio(w.changesPerSecond / floor.changesPerSecond) : 'n/a', f(w.latencyMs.p50), f(w.latencyMs.p99),
        w.errors ? `${w.errors} (${w.firstError})` : '0', f(r.write.statementsPerChange[w.system], 0),
        w.serverCpuMsPerChange === null ? 'n/a (in the bench process)' : f(w.serverCpuMsPerChange, 2), f(w.postgresCpuMsPerChange, 2),
      ];
    }),
  )}

## Targets of issue 20

${table(['Target', 'This run'], [
    ['≥ 2.0× PostGraphile requests/s at 10 connections, every self-check on', pw10 ? ratio(pw10.vsPostgraphile) : 'n/a'],
    ['aim: 0.7× the SQL floor at 10 connections', pw10 ? ratio(pw10.vsFloor) : 'n/a'],
    ['p99 under 1.5× the floor’s (10 connections)', pw10 ? ratio(pw10.p99VsFloor) : 'n/a'],
    ['SQL statements per request constant', pwStatements.constant === null ? 'not counted' : pwStatements.constant ? 'constant' : 'not constant'],
    ['a status change in ≤ 6 SQL statements', f(r.write.statementsPerChange.pactwatch, 0)],
    ['writes ≥ 0.6× the plain-SQL floor', (() => {
      const pw = r.write.runs.find((w) => w.system === 'pactwatch');
      const fl = r.write.runs.find((w) => w.system === 'floor');
      return pw && fl ? ratio(pw.changesPerSecond / fl.changesPerSecond) : 'n/a';
    })()],
    ['every fast-path piece pays ≥ 5% (requests/s or server CPU per request)', r.read.ablation ? r.read.ablation.rows.filter((x) => x.pays === false).map((x) => x.id).join(', ').replace(/^(.+)$/, 'not: $1') || 'yes' : 'not measured'],
  ])}

## Targets of issue 7

${table(['Target', 'This run'], [
    ['Pactwatch ≥ 1.0× PostGraphile requests/s at 10 connections (aim 1.5×)', pw10 ? ratio(pw10.vsPostgraphile) : 'n/a'],
    ['SQL statements per request constant and ≤ 6', pwStatements.perRequest === null ? 'not counted' : `${f(pwStatements.perRequest, 0)} (${pwStatements.constant ? 'constant' : 'not constant'})`],
    ['p99 under 2× the floor’s (10 connections)', pw10 ? ratio(pw10.p99VsFloor) : 'n/a'],
  ])}
${r.notes.length ? `\n## Notes\n\n${r.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`);
  for (const s of sections) {
    const result = r.sections[s.id] as { markdown?: string } | null | undefined;
    out.push(`## ${s.title}\n\n${result?.markdown ?? s.pending}\n`);
  }
  return out.join('\n');
}

export function writeReport(root: string, r: BenchResults, sections: BenchSection[]): { md: string; json: string } {
  const dir = join(root, 'docs');
  mkdirSync(dir, { recursive: true });
  const md = join(dir, 'benchmarks.md');
  const json = join(dir, 'benchmarks.json');
  writeFileSync(md, renderMarkdown(r, sections));
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  return { md, json };
}

function renderAblation(a: AblationResult | null, summary: ReadSummary[]): string {
  if (!a) return '### Ablation of the read fast path\n\nNot measured (BENCH_ABLATION=off).';
  const pct = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
  const pgl = summary.find((s) => s.system === 'postgraphile' && s.connections === a.connections);
  return `### Ablation of the read fast path

Pactwatch alone, the same query at ${a.connections} connections, ${a.durationS} s per run after the warm-up,
${a.rounds} round${a.rounds === 1 ? '' : 's'} (the order reversed every other round), each configuration a server started afresh with
\`GRAPHQL_FAST_PATH_OFF=<piece>\` (or \`GRAPHQL_FAST_PATH=off\`). **Engaged** is what each server reported in
\`pactwatch_graphql_fast_path_engaged\` on its /metrics (\`preload\` is off whenever \`direct-resolvers\` is).
**With the piece** is how much faster (requests/s) and cheaper (server CPU per request) every piece is than
that piece off; a piece earns its place at 5% or more on either.${pgl ? ` × PostGraphile uses PostGraphile's ${f(pgl.requestsPerSecond)} requests/s of the timed rounds above.` : ''}

${table(
    ['Configuration', 'Engaged', 'Requests/s', '× PostGraphile', 'p99 ms', 'Server CPU ms/request', 'SQL statements/request', 'With the piece: requests/s', 'With the piece: CPU/request', 'Pays ≥ 5%'],
    a.rows.map((x) => [
      x.label, x.engaged.join(', ') || 'none', f(x.requestsPerSecond), pgl ? ratio(x.requestsPerSecond / pgl.requestsPerSecond) : 'n/a', f(x.p99Ms), f(x.serverCpuMsPerRequest, 2),
      f(x.statementsPerRequest, 0), pct(x.pieceGainRequestsPerSecond), pct(x.pieceGainCpuPerRequest === null ? null : -(1 - 1 / (1 + x.pieceGainCpuPerRequest))),
      x.pays === null ? '—' : x.pays ? 'yes' : '**no**',
    ]),
  )}`;
}
