import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/** The repository root, and the API as `npm start` builds it. */
export const ROOT = resolve(__dirname, '../../../..');
export const MAIN = join(ROOT, 'dist/apps/api/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the API (as `npm start` does) when dist is missing or older than its sources. */
export async function ensureBuilt(): Promise<void> {
  const sources = Math.max(newestSource(join(ROOT, 'apps/api/src')), newestSource(join(ROOT, 'libs/domain/src')));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  const output: string[] = [];
  const code = await new Promise<number | null>((done) => {
    const build = spawn('npx', ['nx', 'run', 'api:build', '--skip-nx-cache'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'pipe' });
    build.stdout.on('data', (d) => output.push(String(d)));
    build.stderr.on('data', (d) => output.push(String(d)));
    build.on('close', done);
  });
  if (code !== 0 || !existsSync(MAIN)) throw new Error(`the API build failed:\n${output.join('').slice(-4000)}`);
}

export interface ApiProcess {
  name: string;
  child: ChildProcess;
  /** Its http://127.0.0.1:<port>, once it listens. */
  url: string;
  output: string[];
  exited: Promise<void>;
}

/**
 * Starts `node dist/apps/api/main.js` with this environment and waits until it listens.
 * PACTWATCH_API_NODE_ARGS (space-separated) are given to node, to profile it (--cpu-prof).
 * Logs at warn unless LOG_LEVEL says otherwise; a null value leaves that variable out; they are in `output`, with everything else it prints.
 */
export async function startApiProcess(name: string, env: Record<string, string | null>, timeoutMs = 60_000): Promise<ApiProcess> {
  const nodeArgs = (process.env.PACTWATCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // null leaves a variable of this process out (DATABASE_URL, for an API on its embedded database).
  const merged: Record<string, string | undefined> = { LOG_LEVEL: 'warn', ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: merged });
  const output: string[] = [];
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listening = /Pactwatch API on (http:\/\/[^/\s]+)\/graphql/.exec(output.join(''));
    if (listening) return { name, child, url: listening[1], output, exited };
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not listen within ${timeoutMs} ms:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Instance extends ApiProcess {
  /** Its DATA_DIR, a temporary directory of its own (remove it after the test). */
  dataDir: string;
}

/**
 * A built API process on `databaseUrl` as the tests run them: on 127.0.0.1 and a free port, a
 * temporary DATA_DIR, no web client, no digest scheduler or reminder check, errors only in its log, no seeding at
 * start; `env` adds to or overrides that.
 */
export async function startInstance(name: string, databaseUrl: string, env: Record<string, string | null> = {}): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `pactwatch-${name}-`));
  const api = await startApiProcess(name, {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIR: join(dataDir, 'no-web-client'),
    DIGEST_POLL_SECONDS: '0',
    REMINDER_POLL_SECONDS: '0',
    // The seeded sources' addresses are public sites: no test checks them.
    LINK_CHECK_POLL_SECONDS: '0',
    LOG_LEVEL: 'error',
    SEED_ON_START: 'false',
    ...env,
  }).catch((err) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return { ...api, dataDir };
}

/** Stops it (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopApiProcess(api: ApiProcess, graceMs = 10_000): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGTERM');
  const stopped = await Promise.race([api.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref())]);
  if (!stopped) {
    api.child.kill('SIGKILL');
    await api.exited;
  }
}

/** Runs one statement on the tests' PostgreSQL as its admin (TEST_ADMIN_DATABASE_URL, set by the global setup). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** Its connection string, for the API processes a test starts on it. */
  url: string;
  /** Drops it, whoever is still connected. */
  drop(): Promise<void>;
}

/** An empty database of its own on the tests' PostgreSQL, for the built API processes of one test file. */
export async function createTestDatabase(prefix = 'pactwatch_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
