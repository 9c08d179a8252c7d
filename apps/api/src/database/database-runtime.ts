import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { RunningDatabase, startEmbeddedDatabase } from './embedded-database';
import { DEFAULT_WORKSPACE_ID } from '../common/context/workspace';
import { hasAnyWorkspace, loadSeed } from './seeds/seed-loader';

/** The configured database: the server in DATABASE_URL, or the embedded one under DATA_DIR. */
export async function openDatabase(config: AppConfig, log: (line: string) => void = console.log): Promise<RunningDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  const db = await startEmbeddedDatabase({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  return db;
}

/** Migrates, and loads the seed into an empty database when asked to. */
export async function prepareDatabase(url: string, opts: { seed: boolean }): Promise<{ seeded: boolean }> {
  const ds: DataSource = createDataSource(url, 2);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const seeded = opts.seed && !(await hasAnyWorkspace(ds));
    if (seeded) await loadSeed(ds);
    // Until accounts and tenancy land, every request works in this one workspace.
    await ds.query(
      `INSERT INTO workspaces (id, slug, name) VALUES ($1, 'default', 'Default workspace') ON CONFLICT DO NOTHING`,
      [DEFAULT_WORKSPACE_ID],
    );
    return { seeded };
  } finally {
    await ds.destroy();
  }
}
