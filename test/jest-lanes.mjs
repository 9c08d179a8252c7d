// Jest in two processes side by side: the spec files that spend most of their time waiting (for a
// digest period's minute to end, for a heartbeat to lapse, for a slow or absent SMTP server) in one,
// every other file in the other. Measured on a fresh clone (2 cores): Jest took 850 s in one
// process, 430 s of it in these four files, mostly asleep (Jest at about 10% of a core when
// sampled). Jest's own --maxWorkers=2 would pair any two files, the CPU-heavy ones too (fuzz, the
// multi-instance specs), on a 2-core machine; here the busy files still run one at a time. Each
// process starts its own embedded PostgreSQL (or uses DATABASE_URL), and each file its own
// database, as before.
//
// Usage: node test/jest-lanes.mjs [jest options, e.g. --selectProjects api]
// Exit status: non-zero when either lane failed. The waiting lane's output is printed when it ends.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const WAITING = ['digests', 'digests-delivery-faults', 'reminders', 'comments'].map((name) => `/apps/api/test/${name}\\.spec\\.ts$`);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const args = process.argv.slice(2);

function lane(name, laneArgs, buffered) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jest, '--passWithNoTests', ...laneArgs, ...args], { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const out = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => out.push(chunk));
      child.stderr.on('data', (chunk) => out.push(chunk));
    }
    child.on('close', (code, signal) => {
      if (buffered) process.stdout.write(`\n──── Jest, lane "${name}" ────\n${Buffer.concat(out).toString()}`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const codes = await Promise.all([
  lane('waiting', ['--testPathPatterns', WAITING.join('|')], true),
  lane('busy', ['--testPathIgnorePatterns', '/node_modules/', ...WAITING], false),
]);
if (codes.some((c) => c !== 0)) {
  console.error(`Jest lanes failed: waiting ${codes[0]}, busy ${codes[1]}`);
  process.exit(1);
}
