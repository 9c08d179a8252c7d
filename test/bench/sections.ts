import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchDatabase } from './database';
import { RunningServer } from './servers';

const ROOT = join(__dirname, '..', '..');

/**
 * Hooks for the figures other work adds to the same report: the digest (issue "digests") and the
 * web client. A section gets the prepared database and a way to start Pactwatch on it, and returns
 * its own Markdown and JSON; `docs/benchmarks.md` shows it under its title, `docs/benchmarks.json`
 * under `sections.<id>`. Until a section is implemented it returns null and the report says so.
 */
export interface BenchSectionContext {
  db: BenchDatabase;
  workspaceId: string;
  /** The bench's READ API key of the seeded workspace. */
  readKey: string;
  /** Starts the built Pactwatch API on the bench database; stop it when done. */
  startPactwatch(): Promise<RunningServer>;
  log(line: string): void;
}

export interface BenchSectionResult {
  markdown: string;
  json: unknown;
}

export interface BenchSection {
  id: string;
  title: string;
  /** Shown while the section is not measured yet. */
  pending: string;
  run(ctx: BenchSectionContext): Promise<BenchSectionResult | null>;
}

/** Runs a bench script of its own as a child process and keeps what it printed. */
function runScript(command: string, args: string[], log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`  ${line}`);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

const fence = (text: string) => `\`\`\`\n${text.trim()}\n\`\`\``;

export const DIGEST_NOTES = [
  '- **floor/s** is bare nodemailer (pooled like the API, base64 parts like a digest) sending as many messages of the same sizes to the same sink, with the API stopped; **of floor** is digests/s over it. ' +
    'Both run on the same 2 cores as PostgreSQL and the sink, and on a shared machine other work takes its share: the figures are noisy, the fraction less so.',
  '- **CPU s** are each process\'s CPU seconds during the run: divided by the digests they give the cost of one digest in the API, the sink and PostgreSQL, which is what the cores are shared out by.',
  '- **peak RSS** is VmHWM of the API process (with no Node flags unless the title names them). It follows V8\'s heap sizing (an uncapped heap grows well past what is live before a full collection) more than what the run holds; ' +
    'run with `PACTWATCH_API_NODE_ARGS=--max-old-space-size=192` for the peak of a capped process.',
].join('\n');

export const SECTIONS: BenchSection[] = [
  {
    id: 'digest',
    title: 'Digest',
    pending: 'Not measured: test/bench/digests.ts failed or was not run.',
    async run(ctx) {
      ctx.log('digests: 2,500 / 10,000 / 20,000 subscribers over 50,000 activity rows, and bare nodemailer as the floor (test/bench/digests.ts)');
      const out = await runScript('ts-node', ['--transpile-only', '-P', 'apps/api/tsconfig.app.json', '-r', 'tsconfig-paths/register', 'test/bench/digests.ts'], ctx.log);
      const json = JSON.parse(readFileSync(join(ROOT, 'docs/benchmarks-digests.json'), 'utf8'));
      return {
        markdown: `Every digest built from the activity log and delivered over SMTP to a local sink (a child process) by the API process, on a database of its own, against bare nodemailer sending as many messages of the same sizes to the same sink in the same run (test/bench/digests.ts; raw figures in [benchmarks-digests.json](benchmarks-digests.json)):\n\n${fence(out)}\n\n${DIGEST_NOTES}`,
        json,
      };
    },
  },
  {
    id: 'webClient',
    title: 'Web client',
    pending: 'Not measured: test/bench/web.ts failed or was not run.',
    async run(ctx) {
      ctx.log('web client: initial JavaScript and the 10,000-row list in Chromium (test/bench/web.ts)');
      await runScript('npx', ['nx', 'run', 'web:build'], () => undefined);
      const out = await runScript('node', ['test/bench/web.ts'], ctx.log);
      return { markdown: `Built client in Debian's Chromium against the built API (test/bench/web.ts):\n\n${fence(out)}`, json: { output: out.trim().split('\n') } };
    },
  },
];
