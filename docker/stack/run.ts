// Runs the production stack of docker/compose.yaml with `docker run` (see compose-plan.ts), and its
// acceptance test through the proxy. Images must exist: docker/offline/build-images.sh builds them.
//
//   node docker/stack/run.ts up        start every service, waiting on depends_on as Compose does
//   node docker/stack/run.ts accept    the acceptance script (stack must be up)
//   node docker/stack/run.ts down      remove the containers and the database volume
//   node docker/stack/run.ts ci        down, up, accept, down (leaves the stack's logs on failure)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { plan } from './compose-plan.ts';
import { accept } from './acceptance.ts';

const DOCKER = process.env.DOCKER ?? '/usr/bin/docker';
const COMPOSE = join(import.meta.dirname, '..', 'compose.yaml');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const docker = (args: string[], opts: { quiet?: boolean } = {}) =>
  execFileSync(DOCKER, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'] }).trim();

function state(container: string): { running: boolean; health: string | null } {
  const out = docker(['inspect', '--format', '{{.State.Running}} {{if .State.Health}}{{.State.Health.Status}}{{end}}', container]);
  const [running, health] = out.split(' ');
  return { running: running === 'true', health: health || null };
}

async function waitFor(container: string, healthy: boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = state(container);
    if (healthy ? s.health === 'healthy' : s.running) return;
    if (Date.now() > deadline) throw new Error(`${container} is not ${healthy ? 'healthy' : 'running'} after ${timeoutMs / 1000} s (${JSON.stringify(s)})`);
    await sleep(500);
  }
}

export async function up(): Promise<void> {
  const planned = plan(COMPOSE);
  const byService = new Map(planned.map((p) => [p.service, p]));
  for (const p of planned) {
    for (const dep of p.after) await waitFor(byService.get(dep.service)!.container, dep.healthy);
    console.log(`starting ${p.container} (${p.image})`);
    docker(p.args, { quiet: true });
  }
  for (const p of planned) await waitFor(p.container, state(p.container).health !== null);
  console.log('stack up: proxy on http://127.0.0.1:8080');
}

export function down(): void {
  for (const p of plan(COMPOSE)) docker(['rm', '-f', '-v', p.container], { quiet: true });
  const volumes = docker(['volume', 'ls', '-q', '--filter', 'name=pactwatch_'], { quiet: true }).split('\n').filter(Boolean);
  if (volumes.length) docker(['volume', 'rm', '-f', ...volumes], { quiet: true });
}

function logs(): void {
  for (const p of plan(COMPOSE)) {
    console.log(`\n--- logs of ${p.container} (last 60 lines) ---`);
    try {
      console.log(execFileSync(DOCKER, ['logs', '--tail', '60', p.container], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (err) {
      console.log(String((err as { stderr?: string }).stderr ?? err));
    }
  }
}

const kill = (service: string) => docker(['kill', plan(COMPOSE).find((p) => p.service === service)!.container], { quiet: true });

async function main(command: string | undefined): Promise<void> {
  if (command === 'up') return up();
  if (command === 'down') return down();
  if (command === 'accept') return accept({ kill });
  if (command === 'ci') {
    down();
    try {
      await up();
      await accept({ kill });
    } catch (err) {
      logs();
      throw err;
    } finally {
      down();
    }
    return;
  }
  throw new Error('usage: node docker/stack/run.ts up|accept|down|ci');
}

main(process.argv[2]).catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
