import { FAST_PATH_PIECES, FastPathPiece } from '../../apps/api/src/common/graphql/fast-path';
import { BenchDatabase, countStatements } from './database';
import { ReadRun, timedRun, warmUp } from './load';
import { post } from './queries';
import { RunningServer, startServer } from './servers';

/**
 * The ablation of issue 20: Pactwatch's nested read with every piece of the read fast path, with
 * each piece off in turn (GRAPHQL_FAST_PATH_OFF), and with none (GRAPHQL_FAST_PATH=off), at 10
 * connections, on the same data in the same run. Which pieces were really engaged is read from
 * each server's own metrics (pactwatch_graphql_fast_path_engaged), not assumed from the setting.
 */
export interface AblationConfig {
  id: string;
  /** What the configuration leaves out, in words. */
  label: string;
  env: Record<string, string>;
}

export const ABLATION_CONFIGS: AblationConfig[] = [
  { id: 'all', label: 'every piece', env: {} },
  ...FAST_PATH_PIECES.map((piece) => ({ id: piece, label: `${piece} off`, env: { GRAPHQL_FAST_PATH_OFF: piece } })),
  { id: 'none', label: 'no piece (the stock Nest + Apollo + graphql-js + pg path)', env: { GRAPHQL_FAST_PATH: 'off' } },
];

export interface AblationRow {
  id: string;
  label: string;
  /** The pieces the server reported engaged (the same in every round, else the bench stops). */
  engaged: FastPathPiece[];
  rounds: number;
  requestsPerSecond: number;
  p99Ms: number;
  serverCpuMsPerRequest: number;
  statementsPerRequest: number | null;
  /** Against every piece: how much faster with the piece (requests/s), how much cheaper (server CPU per request). */
  pieceGainRequestsPerSecond: number | null;
  pieceGainCpuPerRequest: number | null;
  /** Whether the piece earns its place: at least 5% on either. */
  pays: boolean | null;
}

export interface AblationResult {
  connections: number;
  durationS: number;
  rounds: number;
  rows: AblationRow[];
  runs: (ReadRun & { config: string })[];
}

const METRICS_TOKEN = 'bench-ablation-metrics';
const CONNECTIONS = 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The pieces a running Pactwatch reports engaged on its /metrics. */
async function engagedPieces(server: RunningServer): Promise<FastPathPiece[]> {
  const res = await fetch(`${new URL(server.url).origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  const text = await res.text();
  const engaged: FastPathPiece[] = [];
  for (const m of text.matchAll(/^pactwatch_graphql_fast_path_engaged\{piece="([^"]+)"\} (\d+)$/gm)) if (m[2] === '1') engaged.push(m[1] as FastPathPiece);
  if (!/^pactwatch_graphql_fast_path_engaged\{/m.test(text)) throw new Error('/metrics has no pactwatch_graphql_fast_path_engaged');
  return FAST_PATH_PIECES.filter((p) => engaged.includes(p));
}

export async function runAblation(o: {
  db: BenchDatabase;
  workspaceId: string;
  body: string;
  headers: Record<string, string>;
  /** Asks the bench query once, checks the answer against the other systems' and returns it. */
  check(server: RunningServer): Promise<string>;
  rounds: number;
  durationS: number;
  warmUpS: number;
  log(line: string): void;
}): Promise<AblationResult> {
  const runs: (ReadRun & { config: string })[] = [];
  const engaged = new Map<string, FastPathPiece[]>();
  const statements = new Map<string, number | null>();
  for (let round = 1; round <= o.rounds; round++) {
    const order = round % 2 ? ABLATION_CONFIGS : [...ABLATION_CONFIGS].reverse();
    for (const config of order) {
      const server = await startServer('pactwatch', { databaseUrl: o.db.url, workspaceId: o.workspaceId, pactwatchEnv: { ...config.env, METRICS_TOKEN } });
      try {
        const pieces = await engagedPieces(server);
        const before = engaged.get(config.id);
        if (before && before.join() !== pieces.join()) throw new Error(`${config.label}: engaged ${pieces.join(', ')} in round ${round}, ${before.join(', ')} before`);
        engaged.set(config.id, pieces);
        const text = await o.check(server);
        if (!statements.has(config.id)) {
          const five = await countStatements(o.db, async () => {
            for (let i = 0; i < 5; i++) await post(server.url, o.body, o.headers);
          });
          statements.set(config.id, five ? five.total / 5 : null);
        }
        const target = { server, body: o.body, headers: o.headers, expectedBytes: Buffer.byteLength(text) };
        await warmUp(target, o.warmUpS);
        const run = await timedRun(target, { round, connections: CONNECTIONS, duration: o.durationS, postmasterPid: o.db.postmasterPid });
        runs.push({ ...run, config: config.id });
        o.log(`ablation round ${round} ${config.label.padEnd(22)} engaged [${pieces.join(', ')}]: ${run.requestsPerSecond.toFixed(1)} req/s, p99 ${run.latencyMs.p99} ms, ${run.errors} errors, server CPU ${run.serverCpuMsPerRequest.toFixed(2)} ms/req`);
      } finally {
        await server.stop();
      }
    }
  }
  const summary = (id: string) => {
    const rs = runs.filter((r) => r.config === id);
    return { rps: mean(rs.map((r) => r.requestsPerSecond)), p99: mean(rs.map((r) => r.latencyMs.p99)), cpu: mean(rs.map((r) => r.serverCpuMsPerRequest)), n: rs.length };
  };
  const all = summary('all');
  const rows = ABLATION_CONFIGS.map((config): AblationRow => {
    const s = summary(config.id);
    const isPiece = config.id !== 'all';
    const gainRps = isPiece && s.rps ? all.rps / s.rps - 1 : null;
    const gainCpu = isPiece && all.cpu ? s.cpu / all.cpu - 1 : null;
    return {
      id: config.id,
      label: config.label,
      engaged: engaged.get(config.id) ?? [],
      rounds: s.n,
      requestsPerSecond: s.rps,
      p99Ms: s.p99,
      serverCpuMsPerRequest: s.cpu,
      statementsPerRequest: statements.get(config.id) ?? null,
      pieceGainRequestsPerSecond: gainRps,
      pieceGainCpuPerRequest: gainCpu,
      pays: gainRps === null || gainCpu === null ? null : gainRps >= 0.05 || gainCpu >= 0.05,
    };
  });
  return { connections: CONNECTIONS, durationS: o.durationS, rounds: o.rounds, rows, runs };
}
