import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/database-runtime';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startApiProcess, stopApiProcess } from './support/built-api';
import { sleep } from './support/digests';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';

/**
 * Two API processes (the built server, as deployed) schedule and send digests against one
 * database; one is killed (SIGKILL) while its messages are in flight. Every subscriber still gets
 * exactly one message for the period: none lost, none doubled.
 */

const SUBSCRIBERS = 60;
const COMMITMENTS = Object.values(SEED_IDS.commitments);
const MINUTE = 60_000;

/** Polls until `check` answers something truthy, failing with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T> | T, explain: () => string = () => ''): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${explain()}`);
    await sleep(100);
  }
}

/** The process (among `pids`) that owns the local TCP port `port`, read from /proc (Linux). */
function pidOwningPort(port: number, pids: number[]): number | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  for (const pid of pids) {
    const fds = (() => {
      try {
        return readdirSync(`/proc/${pid}/fd`);
      } catch {
        return [];
      }
    })();
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

describe('digests are sent exactly once by two API processes on one database, one killed mid-run', () => {
  let sink: SmtpSink;
  let db: Client;
  let databaseUrl: string;
  let databaseName: string;
  const dataDirs: string[] = [];
  const instances: ApiProcess[] = [];
  let changedAt: Date;

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  const start = async (name: string): Promise<ApiProcess> => {
    const dataDir = mkdtempSync(join(tmpdir(), `pactwatch-${name}-`));
    dataDirs.push(dataDir);
    const api = await startApiProcess(name, {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      DIGEST_POLL_SECONDS: '1',
      DIGEST_LEASE_SECONDS: '3',
      DIGEST_GRACE_SECONDS: '0',
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      SEED_DEMO_ACCOUNTS: 'false',
    });
    instances.push(api);
    return api;
  };

  const logs = () => instances.map((i) => `--- ${i.name} (pid ${i.child.pid}, exit ${i.child.exitCode ?? i.child.signalCode ?? 'running'}):\n${i.output.join('').slice(-3000)}`).join('\n');

  /** The deliveries whose window holds the change: the period the change belongs to. */
  const periodDeliveries = async () =>
    (
      await db.query<{ id: string; email: string; status: string; attempts: number }>(
        `SELECT d.id, u.email, d.status, d.attempts FROM digest_deliveries d
         JOIN digest_subscriptions s ON s.id = d.subscription_id JOIN users u ON u.id = s.user_id
         WHERE d.window_start <= $1 AND d.period_end > $1 ORDER BY u.email`,
        [changedAt],
      )
    ).rows;

  beforeAll(async () => {
    await ensureBuilt();
    // Each message waits 150 ms before it is accepted, so that the kill lands mid-send.
    sink = await startSmtpSink({ delayMs: 150 });

    databaseName = `pactwatch_test_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${databaseName}`);
    const url = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    await prepareDatabase(databaseUrl, { seed: true, demo: true });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();

    // 60 members, each watching one commitment, with instant digests last sent five minutes ago;
    // each commitment changed one minute ago.
    const now = Date.now();
    changedAt = new Date(now - MINUTE);
    const ids = Array.from({ length: SUBSCRIBERS }, () => randomUUID());
    const emails = ids.map((_, i) => `subscriber.${String(i).padStart(2, '0')}@example.org`);
    await db.query(`INSERT INTO users (id, email, name, password_hash) SELECT id, email, 'Subscriber ' || email, 'not-a-password' FROM unnest($1::uuid[], $2::text[]) AS u(id, email)`, [ids, emails]);
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'VIEWER' FROM unnest($2::uuid[]) AS id`, [SEED_IDS.workspace, ids]);
    await db.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id)
       SELECT gen_random_uuid(), $1, u.id, 'COMMITMENT', u.commitment FROM unnest($2::uuid[], $3::uuid[]) AS u(id, commitment)`,
      [SEED_IDS.workspace, ids, ids.map((_, i) => COMMITMENTS[i % COMMITMENTS.length])],
    );
    await db.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, covered_until)
       SELECT gen_random_uuid(), $1, id, 'INSTANT', $3 FROM unnest($2::uuid[]) AS id`,
      [SEED_IDS.workspace, ids, new Date(now - 5 * MINUTE)],
    );
    for (const commitment of COMMITMENTS) {
      await db.query(
        `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at)
         VALUES ($1, 'SYSTEM', 'system', 'commitment.status_changed', 'Commitment', $2, '{"status":"ANNOUNCED"}', $3, $4)`,
        [SEED_IDS.workspace, commitment, { status: 'IN_PROGRESS', note: `Moved (${commitment})`, evidenceIds: [] }, changedAt],
      );
    }
  }, 360_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => Promise.race([i.exited, sleep(5000)])));
    await db?.end().catch(() => undefined);
    await sink?.close();
    if (databaseName) await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('every subscriber gets exactly one message for the period; the killed instance, restarted, sends nothing more', async () => {
    // The gate closes after 15 messages are accepted: what is sent after waits there, unanswered.
    sink.holdAfter = 15;
    const a = await start('a');
    const b = await start('b');

    // Some digests are sent, the next ones wait at the gate, the rest are claimed but not sent.
    await waitFor('messages waiting at the SMTP server', 60_000, () => sink.waiting().length > 0, logs);
    await sleep(300);
    const inFlight = await periodDeliveries();
    expect(inFlight.filter((d) => d.status === 'SENT').length).toBeGreaterThan(0);
    expect(inFlight.filter((d) => d.status === 'SENDING').length).toBeGreaterThan(0);
    expect(inFlight.filter((d) => d.status === 'SENT').length).toBeLessThan(SUBSCRIBERS);

    // Kill the instance whose messages are in flight (the one that claimed them), mid-send.
    const pids = [a.child.pid!, b.child.pid!];
    const holders = sink.waiting().map((port) => pidOwningPort(port, pids));
    expect(holders.filter((pid) => pid !== null).length).toBeGreaterThan(0);
    const byPid = (pid: number) => holders.filter((h) => h === pid).length;
    const victim = byPid(b.child.pid!) > byPid(a.child.pid!) ? b : a;
    const survivor = victim === a ? b : a;
    victim.child.kill('SIGKILL');
    await victim.exited;
    await sleep(200);
    sink.holdAfter = null;
    sink.release();

    // The survivor takes over what the killed one had claimed once its lease runs out.
    await waitFor(
      'every delivery of the period to be SENT',
      60_000,
      async () => {
        const rows = await periodDeliveries();
        return rows.length === SUBSCRIBERS && rows.every((d) => d.status === 'SENT');
      },
      () => `${logs()}\n${survivor.name} survives`,
    );

    const deliveries = await periodDeliveries();
    expect(deliveries).toHaveLength(SUBSCRIBERS);
    expect(new Set(deliveries.map((d) => d.email)).size).toBe(SUBSCRIBERS);
    // Some were taken over from the killed instance (a second attempt).
    expect(deliveries.some((d) => d.attempts > 1)).toBe(true);

    const received = new Map<string, string[]>();
    for (const mail of await sink.parsed()) for (const to of mail.envelopeTo) received.set(to, [...(received.get(to) ?? []), mail.messageId ?? '']);
    const expected = deliveries.map((d) => [d.email, [`<digest.${d.id}@pactwatch>`]]);
    expect(deliveries.map((d) => [d.email, received.get(d.email) ?? []])).toEqual(expected);
    expect(sink.messages).toHaveLength(SUBSCRIBERS);

    // The killed instance comes back: nothing is left for it to send.
    const accepted = sink.accepted;
    const restarted = await start(`${victim.name}-restarted`);
    await sleep(4000);
    expect(restarted.child.exitCode).toBeNull();
    expect(sink.accepted).toBe(accepted);
    expect((await periodDeliveries()).map((d) => [d.email, d.status])).toEqual(deliveries.map((d) => [d.email, 'SENT']));
    await Promise.all([stopApiProcess(restarted), stopApiProcess(survivor)]);
  }, 180_000);
});
