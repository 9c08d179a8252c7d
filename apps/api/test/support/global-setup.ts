import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';

declare global {
  var __PACTWATCH_TEST_DB__: { stop(): Promise<void> } | undefined;
}

/**
 * Tests run on the PostgreSQL in DATABASE_URL when it is set, and otherwise on an embedded
 * PostgreSQL started here for the run. Either way each test file creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    console.log(`\nTests use the PostgreSQL server in DATABASE_URL (${new URL(process.env.DATABASE_URL).host}).`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-test-'));
  const db = await startEmbeddedDatabase({ dataDir, log: (line) => console.error(line) });
  globalThis.__PACTWATCH_TEST_DB__ = db;
  process.env.TEST_ADMIN_DATABASE_URL = db.url;
  console.log(`\nTests use an embedded PostgreSQL (${new URL(db.url).host}).`);
}
