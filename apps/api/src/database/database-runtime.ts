import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { RunningDatabase, startEmbeddedDatabase } from './embedded-database';
import { loadDemoAccounts } from './seeds/demo-accounts';
import { hasAnyWorkspace, isSeeded, loadSeed } from './seeds/seed-loader';

/** The configured database: the server in DATABASE_URL, or the embedded one under DATA_DIR. */
export async function openDatabase(config: AppConfig, log: (line: string) => void = console.log): Promise<RunningDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  const db = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  return db;
}

/** The advisory lock every instance takes around migrate and seed (an arbitrary constant, the same in each). */
export const PREPARE_LOCK = 7_386_120_514;

/**
 * Migrates; loads the seed into an empty database and adds the demo accounts when asked to.
 * Replicas starting together take turns: each holds a session advisory lock on its own connection
 * while it migrates and seeds, so the second finds the work done (PostgreSQL drops the lock if the
 * holder dies). `demoApiKey` is the demo key's secret, only on the start that created it.
 */
export async function prepareDatabase(url: string, opts: { seed: boolean; demo?: boolean }): Promise<{ seeded: boolean; demoApiKey: string | null }> {
  const lock = new Client({ connectionString: url, application_name: 'pactwatch-migrate' });
  lock.on('error', () => undefined); // a lost lock connection fails the next statement, which is enough
  await lock.connect();
  const ds: DataSource = createDataSource(url, 2);
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [PREPARE_LOCK]);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const seeded = opts.seed && !(await hasAnyWorkspace(ds));
    if (seeded) await loadSeed(ds);
    const demo = opts.demo && (await isSeeded(ds)) ? await loadDemoAccounts(ds) : null;
    return { seeded, demoApiKey: demo?.apiKey ?? null };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    // Ending the session releases the lock; unlocking first lets a waiting replica go on at once.
    await lock.query('SELECT pg_advisory_unlock($1)', [PREPARE_LOCK]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
