import autocannon from 'autocannon';
import { postgresCpuMs, processCpuMs, RunningServer } from './servers';

export interface ReadRun {
  system: string;
  round: number;
  connections: number;
  durationS: number;
  /** Requests answered within the run. */
  requests: number;
  /** Requests sent, those still in flight when the run ended included (the server finishes them all). */
  sent: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Socket errors, timeouts, non-2xx answers, and answers whose size is off by more than 5%. */
  errors: number;
  errorDetail: { socket: number; timeouts: number; non2xx: number; wrongSize: number };
  bytesPerResponse: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
}

interface AutocannonResult {
  requests: { total: number; average: number; sent: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  '2xx': number;
}

export interface LoadTarget {
  server: RunningServer;
  body: string;
  headers: Record<string, string>;
  /** Size of the checked answer's body: every answer under load is expected to be about as long. */
  expectedBytes: number;
}

function fire(t: LoadTarget, connections: number, duration: number, onResponseSize?: (bytes: number) => void): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: t.server.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...t.headers },
        body: t.body,
        connections,
        duration,
        pipelining: 1,
        timeout: 30,
      },
      (err: Error | null, result: AutocannonResult) => (err ? reject(err) : resolve(result)),
    );
    // 'response' gives the response size (headers and body) of every answer, without keeping the body.
    if (onResponseSize) instance.on('response', (_client: unknown, _status: number, bytes: number) => onResponseSize(bytes));
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits until the server has finished the requests still in flight when autocannon stopped (it
 * drops their connections, the server does the work anyway): until its CPU use stays under 2% of a
 * core for 300 ms, 60 s at most. So no run starts with the previous run's leftovers.
 */
export async function drained(pid: number): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const before = processCpuMs(pid);
    await sleep(300);
    if (processCpuMs(pid) - before < 6) return;
  }
}

export async function warmUp(t: LoadTarget, seconds: number): Promise<void> {
  if (seconds > 0) await fire(t, 10, seconds);
  await drained(t.server.pid);
}

/**
 * One timed autocannon run. The server's and PostgreSQL's CPU are read before it and after the
 * server has drained, and divided by the requests sent: all of them were worked on to the end.
 */
export async function timedRun(t: LoadTarget, o: { round: number; connections: number; duration: number; postmasterPid: number | null }): Promise<ReadRun> {
  let wrongSize = 0;
  // The response size counts headers too: a few hundred bytes over the body.
  const low = t.expectedBytes * 0.95;
  const high = t.expectedBytes * 1.05 + 1024;
  const cpu0 = processCpuMs(t.server.pid);
  const pg0 = o.postmasterPid ? postgresCpuMs(o.postmasterPid) : null;
  const r = await fire(t, o.connections, o.duration, (bytes) => {
    if (bytes < low || bytes > high) wrongSize += 1;
  });
  await drained(t.server.pid);
  const cpu1 = processCpuMs(t.server.pid);
  const pg1 = o.postmasterPid ? postgresCpuMs(o.postmasterPid) : null;
  const requests = r.requests.total;
  const sent = Math.max(r.requests.sent ?? requests, requests);
  const per = (ms: number) => (sent ? ms / sent : 0);
  return {
    system: t.server.system,
    round: o.round,
    connections: o.connections,
    durationS: r.duration,
    requests,
    sent,
    requestsPerSecond: requests / r.duration,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors + r.timeouts + r.non2xx + wrongSize,
    errorDetail: { socket: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, wrongSize },
    bytesPerResponse: requests ? Math.round(r.throughput.total / requests) : 0,
    serverCpuMsPerRequest: per(cpu1 - cpu0),
    postgresCpuMsPerRequest: pg0 !== null && pg1 !== null ? per(pg1 - pg0) : null,
  };
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
