import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { freePort } from '../../apps/api/src/database/embedded-database';
import { SystemId } from './queries';

export const ROOT = join(__dirname, '..', '..');
const PACTWATCH_MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');

/**
 * The node flags Pactwatch is started with in production: those of `npm start` (the Dockerfile's
 * CMD gives the same), read from package.json so the bench runs the server as it is run.
 */
export function pactwatchNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const match = /(?:^|&&)\s*node\s+((?:--\S+\s+)*)dist\/apps\/api\/main\.js/.exec(start);
  if (!match) throw new Error(`package.json's start script does not run dist/apps/api/main.js with node: ${start}`);
  return match[1].trim().split(/\s+/).filter(Boolean);
}

/** GraphQL requests Pactwatch works on at once here: GRAPHQL_CONCURRENCY as the bench was started with (its children inherit it), else the API's default. */
export function pactwatchConcurrency(): string {
  return process.env.GRAPHQL_CONCURRENCY ?? String(new AppConfig().GRAPHQL_CONCURRENCY);
}

export interface RunningServer {
  system: SystemId;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the API (`nx run api:build`) when dist/apps/api/main.js is missing or older than any source
 * of it. With BENCH_SKIP_BUILD=1 the existing build is used as it is; the note returned says so.
 */
export function ensurePactwatchBuilt(log: (line: string) => void): string | null {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(PACTWATCH_MAIN)) {
    const note = `Pactwatch was not rebuilt (BENCH_SKIP_BUILD=1): dist/apps/api/main.js of ${statSync(PACTWATCH_MAIN).mtime.toISOString()} was used.`;
    log(note);
    return note;
  }
  const sources = Math.max(newestMtime(join(ROOT, 'apps', 'api', 'src')), newestMtime(join(ROOT, 'libs', 'domain', 'src')));
  if (existsSync(PACTWATCH_MAIN) && statSync(PACTWATCH_MAIN).mtimeMs >= sources) {
    log('Pactwatch: dist/apps/api/main.js is up to date.');
    return null;
  }
  log('Pactwatch: building (npx nx run api:build --skip-nx-cache)…');
  const started = Date.now();
  try {
    execFileSync('npx', ['nx', 'run', 'api:build', '--skip-nx-cache'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    const output = `${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`The Pactwatch build failed:\n${output}`);
  }
  log(`Pactwatch: built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return null;
}

/** Starts a Node child process and waits for the line that gives its URL. */
async function startChild(system: SystemId, args: string[], env: Record<string, string>, ready: RegExp): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${system} did not start within 120 s:\n${output}`));
    }, 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${system} exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    system,
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ServerOptions {
  databaseUrl: string;
  workspaceId: string;
  /** Extra node flags for Pactwatch, such as --cpu-prof. */
  pactwatchNodeFlags?: string[];
  /** Extra environment for Pactwatch, such as GRAPHQL_FAST_PATH_OFF. */
  pactwatchEnv?: Record<string, string>;
}

export async function startServer(system: SystemId, o: ServerOptions): Promise<RunningServer> {
  if (system === 'pactwatch') {
    return startChild('pactwatch', [...pactwatchNodeFlags(), ...(o.pactwatchNodeFlags ?? []), PACTWATCH_MAIN], {
      DATABASE_URL: o.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      SEED_DEMO_ACCOUNTS: 'false',
      RATE_LIMIT_PER_MINUTE: '100000000',
      // The load comes from one API key standing for many clients: it may hold every slot, as
      // the many would between them.
      GRAPHQL_CALLER_CONCURRENCY: pactwatchConcurrency(),
      GRAPHQL_QUEUE_MAX: '100000',
      GRAPHQL_QUEUE_TIMEOUT_MS: '600000',
      ...o.pactwatchEnv,
    }, /Pactwatch API on (http:\/\/\S+\/graphql)/);
  }
  const port = String(await freePort());
  const script = system === 'postgraphile' ? 'postgraphile-server.mjs' : 'floor-server.mjs';
  return startChild(system, [join(__dirname, script)], {
    DATABASE_URL: o.databaseUrl,
    PORT: port,
    WORKSPACE_ID: o.workspaceId,
    GRAPHILE_ENV: 'production',
  }, /READY (http:\/\/\S+)/);
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Fields of /proc/<pid>/stat after the command name: [0] is the state, [1] the ppid, [11..14] utime, stime, cutime, cstime. */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User + system CPU time a process has used so far, in milliseconds (from /proc/<pid>/stat). */
export function processCpuMs(pid: number): number {
  const f = procStat(pid);
  if (!f) throw new Error(`no /proc/${pid}/stat`);
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
}

/**
 * CPU of the whole PostgreSQL server: the postmaster (with its reaped children) and every live
 * child (backends, background workers), in milliseconds.
 */
export function postgresCpuMs(postmasterPid: number): number {
  const own = procStat(postmasterPid);
  if (!own) throw new Error(`no /proc/${postmasterPid}/stat`);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = procStat(Number(name));
    if (f && Number(f[1]) === postmasterPid) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / CLOCK_TICKS;
}
