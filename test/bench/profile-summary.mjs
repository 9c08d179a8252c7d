// Summarises a V8 .cpuprofile (from `BENCH_PROFILE_DIR=… npm run bench`, which runs Pactwatch with
// --cpu-prof): self time by package / source file, by function, and the inclusive time of a few
// well-known stages. Usage: node test/bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the samples and their time deltas (microseconds).
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return '(native / V8)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
}

const add = (map, key, v) => map.set(key, (map.get(key) ?? 0) + v);
const byPackage = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = nodes.get(id);
  add(byPackage, where(f.url), us);
  add(byFunction, `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}`, us);
}

// Inclusive time of frames whose function name matches, counted once per sample.
function inclusive(test) {
  let us = 0;
  profile.samples.forEach((id, i) => {
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = nodes.get(n).callFrame;
      if (test(f)) {
        us += profile.timeDeltas[i] ?? 0;
        break;
      }
    }
  });
  return us;
}

const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};

console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('Self time by package / file', byPackage);
show('Self time by function', byFunction);
const stages = {
  'graphql execute (graphql-js, resolvers included)': (f) => /node_modules\/graphql\/execution/.test(f.url) && f.functionName === 'execute',
  'pg: parsing result rows': (f) => /node_modules\/pg(-protocol)?\//.test(f.url) && /parse|handleDataRow|_parseRow/i.test(f.functionName),
  'typeorm': (f) => /node_modules\/typeorm\//.test(f.url),
  'JSON.stringify of the answer': (f) => f.functionName === 'stringify',
  'garbage collection': (f) => f.functionName === '(garbage collector)',
  'idle': (f) => f.functionName === '(idle)',
};
console.log('\nInclusive time of some stages');
for (const [name, test] of Object.entries(stages)) console.log(`${pct(inclusive(test))}  ${name}`);
