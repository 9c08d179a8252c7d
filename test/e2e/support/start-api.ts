// Starts the built API (dist/apps/api/main.js, which also serves dist/apps/web) on a free port with
// a database of its own: a fresh embedded PostgreSQL in a temp dir, or, when DATABASE_URL is set, a
// new database created on that server and dropped afterwards. Builds nothing: run the builds first.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '../../..');
const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
const WEB_DIR = join(ROOT, 'dist/apps/web');

export interface RunningApi {
  url: string;
  /** A connection string to the API's database, for tests that prepare data with SQL. */
  databaseUrl: string;
  /** Where the API writes the mail it sends (.eml files): there is no SMTP server in these runs. */
  outboxDir: string;
  stop(): Promise<void>;
}

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

function assertBuilt(): void {
  for (const path of [API_MAIN, join(WEB_DIR, 'index.html')]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npx nx run api:build\` and \`npm run build:web\` first`);
  }
}

async function ownDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pactwatch_e2e_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startApi(extraEnv: Record<string, string> = {}): Promise<RunningApi> {
  assertBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-e2e-'));
  // DATA_DIR holds the outbox in both modes (and the embedded PostgreSQL when there is no DATABASE_URL).
  // No reminder check (it would flag the seed's overdue commitments to whoever a scenario assigned,
  // mid-run) and no link checks (the seeded sources' addresses are public sites).
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', WEB_DIR, LOG_LEVEL: 'error', DATA_DIR: dataDir, REMINDER_POLL_SECONDS: '0', LINK_CHECK_POLL_SECONDS: '0', ...extraEnv,
  };
  if (!extraEnv.SMTP_URL) delete env.SMTP_URL;
  let databaseUrl: string;
  let drop = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    const own = await ownDatabase(process.env.DATABASE_URL);
    databaseUrl = own.url;
    drop = own.drop;
    Object.assign(env, { DATABASE_URL: own.url, SEED_ON_START: 'true', SEED_DEMO_ACCOUNTS: 'true' });
  } else {
    const pgPort = await freePort();
    databaseUrl = `postgres://postgres:pactwatch@127.0.0.1:${pgPort}/pactwatch`;
    Object.assign(env, { EMBEDDED_PG_PORT: String(pgPort) });
    delete env.DATABASE_URL;
  }

  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForStart(child);
  return {
    url,
    databaseUrl,
    outboxDir: join(dataDir, 'outbox'),
    async stop() {
      await stopChild(child);
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForStart(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`The API did not start within 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Pactwatch API on (http:\/\/\S+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The API exited with ${code} before it started:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
