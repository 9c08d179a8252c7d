import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { BenchDatabase, countStatements, sql } from './database';
import { percentile } from './load';
import { postgresCpuMs, processCpuMs, RunningServer } from './servers';

/**
 * The write path: status changes per second with 20 concurrent analysts, each moving its own
 * commitments back and forth between IN_PROGRESS and ANNOUNCED (moves that need no note, reason
 * or evidence), passing the version it last saw as expectedVersion.
 */
export const ANALYSTS = 20;
const COMMITMENTS_EACH = 25;

export interface Tracked {
  id: string;
  version: number;
  status: string;
}

export interface WriteRun {
  system: 'pactwatch' | 'floor';
  analysts: number;
  durationS: number;
  changes: number;
  changesPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Failed changes (GraphQL errors, HTTP errors, version conflicts); the first message is kept. */
  errors: number;
  firstError: string | null;
  serverCpuMsPerChange: number | null;
  postgresCpuMsPerChange: number | null;
}

const nextStatus = (status: string) => (status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS');

/** The commitments of the oldest bench agreements (not in the read page), 25 per analyst. */
export async function writeSets(url: string, workspaceId: string): Promise<Tracked[][]> {
  const rows = await sql<Tracked>(
    url,
    `SELECT c.id, c.version, c.status FROM commitments c JOIN agreements a ON a.id = c.agreement_id
     WHERE c.workspace_id = $1 AND a.title LIKE 'Bench dialogue %' ORDER BY c.created_at, c.id LIMIT $2`,
    [workspaceId, ANALYSTS * COMMITMENTS_EACH],
  );
  return Array.from({ length: ANALYSTS }, (_, i) => rows.slice(i * COMMITMENTS_EACH, (i + 1) * COMMITMENTS_EACH));
}

/** Reloads version and status of the tracked commitments (before each system's run). */
export async function refresh(url: string, sets: Tracked[][]): Promise<void> {
  const all = sets.flat();
  const rows = await sql<Tracked>(url, 'SELECT id, version, status FROM commitments WHERE id = ANY($1::uuid[])', [all.map((c) => c.id)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of all) Object.assign(c, byId.get(c.id));
}

type ChangeFn = (analyst: number, c: Tracked) => Promise<void>;

/** Runs every analyst's loop for `seconds`; a change that throws counts as an error (its commitment is reloaded). */
async function drive(sets: Tracked[][], seconds: number, change: ChangeFn, reload: (c: Tracked) => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    sets.map(async (mine, analyst) => {
      for (let i = 0; performance.now() < end; i++) {
        const c = mine[i % mine.length];
        const t0 = performance.now();
        try {
          await change(analyst, c);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors += 1;
          firstError ??= String((err as Error).message ?? err).slice(0, 300);
          await reload(c);
        }
      }
    }),
  );
  return { latencies, errors, firstError, elapsed: (performance.now() - started) / 1000 };
}

function summarise(system: WriteRun['system'], r: Awaited<ReturnType<typeof drive>>, cpu: number | null, pg: number | null): WriteRun {
  const n = r.latencies.length;
  return {
    system,
    analysts: ANALYSTS,
    durationS: r.elapsed,
    changes: n,
    changesPerSecond: n / r.elapsed,
    latencyMs: { p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), max: percentile(r.latencies, 100) },
    errors: r.errors,
    firstError: r.firstError,
    serverCpuMsPerChange: cpu !== null && n ? cpu / n : null,
    postgresCpuMsPerChange: pg !== null && n ? pg / n : null,
  };
}

const MUTATION = `mutation BenchChange($input: ChangeCommitmentStatusInput!) {
  changeCommitmentStatus(input: $input) { commitment { id status version } statusChange { id } }
}`;

/** Pactwatch's changeCommitmentStatus over HTTP, each analyst with a READ_WRITE API key of its own. */
export function pactwatchChange(server: RunningServer, keys: string[]): ChangeFn {
  return async (analyst, c) => {
    const status = nextStatus(c.status);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[analyst]}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: { commitmentId: c.id, expectedVersion: c.version, status, note: 'Bench change' } } }),
    });
    const body = (await res.json()) as { data?: { changeCommitmentStatus: { commitment: Tracked } }; errors?: { message: string }[] };
    if (!res.ok || body.errors?.length || !body.data) throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body)}`);
    const { version, status: now } = body.data.changeCommitmentStatus.commitment;
    if (version !== c.version + 1 || now !== status) throw new Error(`unexpected answer: version ${version}, status ${now}`);
    c.version = version;
    c.status = now;
  };
}

/** The floor: the same writes as plain SQL in one transaction per change, one connection per analyst. */
export function floorChange(clients: Client[], workspaceId: string): ChangeFn {
  return async (analyst, c) => {
    const db = clients[analyst];
    const status = nextStatus(c.status);
    const version = c.version + 1;
    const statusChangeId = randomUUID();
    await db.query('BEGIN');
    try {
      const updated = await db.query(
        `UPDATE commitments SET status = $3, version = $4, updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND version = $5 RETURNING version`,
        [workspaceId, c.id, status, version, c.version],
      );
      if (updated.rowCount !== 1) throw new Error(`conflict on ${c.id} at version ${c.version}`);
      await db.query(
        `INSERT INTO status_changes (id, workspace_id, commitment_id, from_status, to_status, note, reason_code, actor, commitment_version)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)`,
        [statusChangeId, workspaceId, c.id, c.status, status, 'Bench change', `Bench analyst ${analyst + 1}`, version],
      );
      await db.query(
        `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, before, after, commitment_id, agreement_id)
         VALUES ($1, 'API_KEY', NULL, $2, 'commitment.status_changed', 'Commitment', $3, $4, $5, $3, (SELECT agreement_id FROM commitments WHERE id = $3))`,
        [workspaceId, `Bench analyst ${analyst + 1}`, c.id, JSON.stringify({ status: c.status, version: c.version }),
          JSON.stringify({ status, version, note: 'Bench change', reasonCode: null, evidenceIds: [], statusChangeId })],
      );
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK');
      throw err;
    }
    c.version = version;
    c.status = status;
  };
}

export async function runWrites(o: {
  system: WriteRun['system'];
  db: BenchDatabase;
  sets: Tracked[][];
  change: ChangeFn;
  /** The process doing the work, whose CPU is read (none for the floor, which runs in the bench itself). */
  serverPid: number | null;
  warmUpS: number;
  durationS: number;
}): Promise<{ run: WriteRun; statementsPerChange: number | null }> {
  await refresh(o.db.url, o.sets);
  const reload = async (c: Tracked) => refresh(o.db.url, [[c]]);
  // Statements of 5 changes made one after the other.
  const counted = await countStatements(o.db, async () => {
    for (let i = 0; i < 5; i++) await o.change(0, o.sets[0][i]);
  });
  await drive(o.sets, o.warmUpS, o.change, reload);
  const cpu0 = o.serverPid ? processCpuMs(o.serverPid) : null;
  const pg0 = o.db.postmasterPid ? postgresCpuMs(o.db.postmasterPid) : null;
  const result = await drive(o.sets, o.durationS, o.change, reload);
  const cpu = cpu0 !== null ? processCpuMs(o.serverPid!) - cpu0 : null;
  const pg = pg0 !== null ? postgresCpuMs(o.db.postmasterPid!) - pg0 : null;
  return { run: summarise(o.system, result, cpu, pg), statementsPerChange: counted ? counted.total / 5 : null };
}

/** Every written commitment's version equals the number of its status changes: nothing was lost or doubled. */
export async function writesConsistent(url: string, sets: Tracked[][]): Promise<boolean> {
  const [{ n }] = await sql<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM commitments c
     WHERE c.id = ANY($1::uuid[]) AND c.version <> (SELECT count(*) FROM status_changes s WHERE s.commitment_id = c.id)`,
    [sets.flat().map((c) => c.id)],
  );
  return n === 0;
}
