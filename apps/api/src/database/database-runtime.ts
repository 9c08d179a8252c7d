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

/**
 * Migrates; loads the seed into an empty database and adds the demo accounts when asked to.
 * `demoApiKey` is the demo key's secret, only on the start that created it.
 */
export async function prepareDatabase(url: string, opts: { seed: boolean; demo?: boolean }): Promise<{ seeded: boolean; demoApiKey: string | null }> {
  const ds: DataSource = createDataSource(url, 2);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const seeded = opts.seed && !(await hasAnyWorkspace(ds));
    if (seeded) await loadSeed(ds);
    const demo = opts.demo && (await isSeeded(ds)) ? await loadDemoAccounts(ds) : null;
    return { seeded, demoApiKey: demo?.apiKey ?? null };
  } finally {
    await ds.destroy();
  }
}
