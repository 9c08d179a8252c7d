import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../apps/api/src/database/embedded-database';

/** The server the bench runs on, and the database of its own it created there. */
export interface BenchDatabase {
  /** The bench database, pactwatch_bench_<random>. */
  url: string;
  name: string;
  /** Another database of the same server, for monitoring (pg_stat_statements is installed there, not in the bench one). */
  adminUrl: string;
  embedded: boolean;
  /** The postmaster's pid when it runs on this machine (embedded): its CPU and its backends' is read from /proc. */
  postmasterPid: number | null;
  /** pg_stat_statements is loaded: statements can be counted. */
  statementsCounted: boolean;
  serverVersion: string;
  close(): Promise<void>;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The embedded PostgreSQL in a temporary directory, restarted once with pg_stat_statements preloaded
 * (ALTER SYSTEM, then a restart) so that statements can be counted; or the server of DATABASE_URL,
 * where statements are counted only if its configuration already preloads pg_stat_statements.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const name = `pactwatch_bench_${randomBytes(4).toString('hex')}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = external;
    await sql(adminUrl, `CREATE DATABASE "${name}"`);
    const statementsCounted = await enableStatementCounting(adminUrl, log);
    return {
      url: withDatabase(external, name),
      name,
      adminUrl,
      embedded: false,
      postmasterPid: null,
      statementsCounted,
      serverVersion: await serverVersion(adminUrl),
      async close() {
        await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-bench-'));
  const onError = (line: string) => log(line);
  let db = await startEmbeddedDatabase({ dataDir, log: onError });
  await sql(withDatabase(db.url, 'postgres'), `ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await db.stop();
  db = await startEmbeddedDatabase({ dataDir, log: onError });
  const adminUrl = withDatabase(db.url, 'postgres');
  const statementsCounted = await enableStatementCounting(adminUrl, log);
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const running = db;
  return {
    url: withDatabase(db.url, name),
    name,
    adminUrl,
    embedded: true,
    postmasterPid: existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : null,
    statementsCounted,
    serverVersion: await serverVersion(adminUrl),
    async close() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function enableStatementCounting(adminUrl: string, log: (line: string) => void): Promise<boolean> {
  const [{ preload }] = await sql<{ preload: string }>(adminUrl, `SELECT current_setting('shared_preload_libraries') AS preload`);
  if (!/pg_stat_statements/.test(preload)) {
    log('pg_stat_statements is not in shared_preload_libraries of this server: SQL statements per request will not be counted.');
    return false;
  }
  await sql(adminUrl, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return true;
}

async function serverVersion(adminUrl: string): Promise<string> {
  const [{ v }] = await sql<{ v: string }>(adminUrl, `SELECT current_setting('server_version') AS v`);
  return v;
}

/**
 * Counts the statements a database executes: pg_stat_statements is reset, `fn` runs, and the
 * calls recorded since for the bench database are summed (top-level statements, utility ones such
 * as BEGIN and COMMIT included). The reset and the read run on the admin database, so they are
 * not counted themselves.
 */
export async function countStatements(db: BenchDatabase, fn: () => Promise<unknown>): Promise<{ total: number; byStatement: { calls: number; query: string }[] } | null> {
  if (!db.statementsCounted) return null;
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_stat_statements_reset()');
    await fn();
    const { rows } = await admin.query<{ calls: string; query: string }>(
      `SELECT s.calls::text AS calls, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname = $1 ORDER BY s.calls DESC`,
      [db.name],
    );
    const byStatement = rows.map((r) => ({ calls: Number(r.calls), query: r.query.replace(/\s+/g, ' ').slice(0, 160) }));
    return { total: byStatement.reduce((n, r) => n + r.calls, 0), byStatement };
  } finally {
    await admin.end();
  }
}
