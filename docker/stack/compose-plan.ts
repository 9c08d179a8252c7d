// Turns docker/compose.yaml into the `docker run` commands that start the same containers: the
// Compose available on a machine may be too old for the file (Debian ships docker-compose 1.29), so
// CI runs the stack from this plan, and the file stays the one description of it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ComposeService {
  image: string;
  build?: { context: string; dockerfile?: string };
  network_mode?: string;
  restart?: string;
  stop_grace_period?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  command?: string[];
  healthcheck?: { test: string[]; interval?: string; timeout?: string; retries?: number };
  depends_on?: Record<string, { condition: 'service_started' | 'service_healthy' }>;
}

export interface ComposeFile {
  name: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export interface PlannedContainer {
  service: string;
  container: string;
  image: string;
  /** After `docker`: run -d … image [command]. */
  args: string[];
  /** Services to wait for first, and whether they must be healthy or only started. */
  after: { service: string; healthy: boolean }[];
}

export function readCompose(path: string): ComposeFile {
  // Merge keys (<<: *api) as Compose reads them.
  return parse(readFileSync(path, 'utf8'), { merge: true }) as ComposeFile;
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A Compose duration (20s, 2s, 1m30s) in whole seconds. */
export function seconds(duration: string): number {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit as 'ms' | 's' | 'm' | 'h'];
  return Math.ceil(total);
}

/** Each service as a `docker run` on the host's network, in an order that honours depends_on. */
export function plan(composePath: string): PlannedContainer[] {
  const compose = readCompose(composePath);
  const base = dirname(composePath);
  const planned = new Map<string, PlannedContainer>();
  const visit = (name: string, path: string[] = []) => {
    if (planned.has(name)) return;
    if (path.includes(name)) throw new Error(`compose: depends_on cycle ${[...path, name].join(' → ')}`);
    const service = compose.services[name];
    if (!service) throw new Error(`compose: no service ${name}`);
    for (const dep of Object.keys(service.depends_on ?? {})) visit(dep, [...path, name]);
    if (service.network_mode !== 'host') throw new Error(`compose: ${name} must use network_mode: host, as the stack runs here`);
    const container = `${compose.name}-${name}`;
    const args = ['run', '-d', '--name', container, '--network', 'host'];
    if (service.restart) args.push('--restart', service.restart);
    if (service.stop_grace_period) args.push('--stop-timeout', String(seconds(service.stop_grace_period)));
    for (const [key, value] of Object.entries(service.environment ?? {})) args.push('-e', `${key}=${value}`);
    for (const volume of service.volumes ?? []) {
      const [source, ...rest] = volume.split(':');
      const named = !source.startsWith('.') && !source.startsWith('/');
      args.push('-v', [named ? `${compose.name}_${source}` : resolve(base, source), ...rest].join(':'));
    }
    const hc = service.healthcheck;
    if (hc) {
      const [kind, ...cmd] = hc.test;
      if (kind !== 'CMD') throw new Error(`compose: ${name}'s healthcheck must be a CMD list`);
      args.push('--health-cmd', cmd.map(shellQuote).join(' '));
      if (hc.interval) args.push('--health-interval', `${seconds(hc.interval)}s`);
      if (hc.timeout) args.push('--health-timeout', `${seconds(hc.timeout)}s`);
      if (hc.retries !== undefined) args.push('--health-retries', String(hc.retries));
    }
    args.push(service.image, ...(service.command ?? []));
    const after = Object.entries(service.depends_on ?? {}).map(([dep, { condition }]) => ({ service: dep, healthy: condition === 'service_healthy' }));
    planned.set(name, { service: name, container, image: service.image, args, after });
  };
  Object.keys(compose.services).forEach((name) => visit(name));
  return [...planned.values()];
}
