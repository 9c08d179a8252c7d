// npm run db:migrate | db:seed | db:reset — on DATABASE_URL, or on the embedded database.
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { openDatabase } from './database-runtime';
import { loadDemoAccounts } from './seeds/demo-accounts';
import { loadSeed } from './seeds/seed-loader';

async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) {
    throw new Error('usage: cli.ts migrate|seed|reset');
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  const ds = createDataSource(db.url, 2);
  await ds.initialize();
  try {
    if (command === 'reset') {
      await ds.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      console.log('dropped every table');
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'schema is up to date');
    if (command !== 'migrate') {
      await loadSeed(ds);
      console.log('seed loaded (US–Mexico migration talks)');
      if (config.seedDemoAccounts) {
        const demo = await loadDemoAccounts(ds);
        if (demo) console.log(`demo accounts added; demo read-only API key, shown this once: ${demo.apiKey}`);
      }
    }
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
