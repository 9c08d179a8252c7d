import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/database-runtime';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startInstance, stopApiProcess, createTestDatabase, TestDatabase } from './support/built-api';
import { sleep } from './support/digests';
import { SinkMessage, SmtpSink, SmtpSinkOptions, startSmtpSink } from './support/smtp-sink';

/**
 * Digest delivery under faults, with API processes (the built server, as deployed) on one
 * database and an SMTP sink that, like a real MTA, keeps a message once its data has arrived,
 * before it answers 250. The guarantee shown: at most one copy per subscriber, except a message
 * the server had kept whose acceptance the sending process had not yet recorded when it died —
 * that one is sent again by the instance that takes the delivery over, with the same Message-ID.
 */

const COMMITMENTS = Object.values(SEED_IDS.commitments);
const MINUTE = 60_000;
const MAX_ATTEMPTS = 5;
/** For the outage: enough attempts (1 s, 2 s, … 64 s apart) that the server is back before they run out. */
const ATTEMPTS_WHILE_DOWN = 8;

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

/** The Message-ID a message carries, read from its raw header. */
function messageIdOf(message: SinkMessage): string {
  return /^message-id:\s*(\S+)/im.exec(message.raw.toString('utf8'))?.[1] ?? '';
}

interface Delivery {
  id: string;
  email: string;
  status: string;
  attempts: number;
  accepted: boolean;
  lastError: string | null;
  messageId: string | null;
}

describe('digest delivery under faults: at most one copy per subscriber, except a message the server kept before the sender died and recorded its acceptance', () => {
  let db: Client;
  let databaseUrl: string;
  let database: TestDatabase | undefined;
  const dataDirs: string[] = [];
  const instances: ApiProcess[] = [];
  const sinks: SmtpSink[] = [];


  const sink = async (options: SmtpSinkOptions = {}) => {
    const started = await startSmtpSink(options);
    sinks.push(started);
    return started;
  };

  const start = async (name: string, smtpUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> => {
    const api = await startInstance(name, databaseUrl, {
      SMTP_URL: smtpUrl,
      DIGEST_POLL_SECONDS: '1',
      // The job engine's floor for a heartbeat; its supervisor hands on a silent worker's jobs within a second after.
      DIGEST_LEASE_SECONDS: '10',
      JOBS_SUPERVISE_SECONDS: '1',
      JOBS_POLL_SECONDS: '0.5',
      DIGEST_GRACE_SECONDS: '0',
      DIGEST_RETRY_SECONDS: '1',
      DIGEST_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      SEED_DEMO_ACCOUNTS: 'false',
      ...env,
    });
    dataDirs.push(api.dataDir);
    instances.push(api);
    return api;
  };

  const logs = () => instances.map((i) => `--- ${i.name} (pid ${i.child.pid}, exit ${i.child.exitCode ?? i.child.signalCode ?? 'running'}):\n${i.output.join('').slice(-3000)}`).join('\n');

  /**
   * `count` new members of the seeded workspace, each watching one commitment, with instant digests
   * last sent five minutes ago; each of those commitments changed one minute ago.
   */
  const subscribers = async (prefix: string, count: number): Promise<string[]> => {
    const now = Date.now();
    const ids = Array.from({ length: count }, () => randomUUID());
    const emails = ids.map((_, i) => `${prefix}.${String(i).padStart(2, '0')}@example.org`);
    const commitments = ids.map((_, i) => COMMITMENTS[i % COMMITMENTS.length]);
    await db.query(`INSERT INTO users (id, email, name, password_hash) SELECT id, email, 'Subscriber ' || email, 'not-a-password' FROM unnest($1::uuid[], $2::text[]) AS u(id, email)`, [ids, emails]);
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'VIEWER' FROM unnest($2::uuid[]) AS id`, [SEED_IDS.workspace, ids]);
    await db.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id)
       SELECT gen_random_uuid(), $1, u.id, 'COMMITMENT', u.commitment FROM unnest($2::uuid[], $3::uuid[]) AS u(id, commitment)`,
      [SEED_IDS.workspace, ids, commitments],
    );
    await db.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, covered_until)
       SELECT gen_random_uuid(), $1, id, 'INSTANT', $3 FROM unnest($2::uuid[]) AS id`,
      [SEED_IDS.workspace, ids, new Date(now - 5 * MINUTE)],
    );
    for (const commitment of new Set(commitments)) {
      await db.query(
        `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
         VALUES ($1, 'SYSTEM', 'system', 'commitment.status_changed', 'Commitment', $2, '{"status":"ANNOUNCED"}', $3, $4, $2, (SELECT agreement_id FROM commitments WHERE id = $2))`,
        [SEED_IDS.workspace, commitment, { status: 'IN_PROGRESS', note: `Moved (${prefix})`, evidenceIds: [] }, new Date(now - MINUTE)],
      );
    }
    return emails;
  };

  /** The deliveries with something to send (not EMPTY) of the subscribers whose address starts with `prefix`. */
  const deliveries = async (prefix: string): Promise<Delivery[]> =>
    (
      await db.query<Delivery>(
        `SELECT d.id, u.email, d.status, d.attempts, d.accepted_at IS NOT NULL AS accepted, d.last_error AS "lastError", d.message_id AS "messageId"
         FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id JOIN users u ON u.id = s.user_id
         WHERE u.email LIKE $1 AND d.status <> 'EMPTY' ORDER BY u.email`,
        [`${prefix}.%`],
      )
    ).rows;

  /** How many copies each address received. */
  const copies = (from: SmtpSink, emails: string[]) => {
    const received = new Map<string, number>();
    for (const m of from.messages) for (const to of m.to) received.set(to, (received.get(to) ?? 0) + 1);
    return emails.map((e) => [e, received.get(e) ?? 0] as const);
  };

  /** Stops a scenario's instances and its subscriptions, so that the next scenario starts clean. */
  const finish = async (prefix: string, ...apis: ApiProcess[]) => {
    await Promise.all(apis.map((a) => stopApiProcess(a)));
    await db.query(`UPDATE digest_subscriptions s SET cadence = 'OFF' FROM users u WHERE u.id = s.user_id AND u.email LIKE $1`, [`${prefix}.%`]);
  };

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('pactwatch_test');
    databaseUrl = database.url;
    await prepareDatabase(databaseUrl, { seed: true, demo: true });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  }, 360_000);

  // A scenario that failed half-way leaves nothing running for the next (any instance sends any delivery).
  afterEach(async () => {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => Promise.race([i.exited, sleep(5000)])));
    await db.query(`UPDATE digest_subscriptions SET cadence = 'OFF'`);
  }, 30_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => Promise.race([i.exited, sleep(5000)])));
    await db?.end().catch(() => undefined);
    await Promise.all(sinks.map((s) => s.close()));
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('(a) an SMTP server slower than the heartbeat timeout (12 s answers, 10 s DIGEST_LEASE_SECONDS), two instances, no crash: every subscriber gets exactly one copy, each delivery SENT on its first attempt', async () => {
    const slow = await sink({ delayMs: 12_000 });
    const emails = await subscribers('slow', 8);
    const a = await start('slow-a', slow.url);
    const b = await start('slow-b', slow.url);

    await waitFor(
      'every delivery to be SENT',
      90_000,
      async () => {
        const rows = await deliveries('slow');
        return rows.length === emails.length && rows.every((d) => d.status === 'SENT');
      },
      logs,
    );
    // Each answer outlasted the heartbeat timeout: the heartbeat kept every delivery with the instance sending it.
    expect(copies(slow, emails)).toEqual(emails.map((e) => [e, 1]));
    const rows = await deliveries('slow');
    expect(rows.map((d) => [d.email, d.status, d.attempts, d.accepted])).toEqual(emails.map((e) => [e, 'SENT', 1, true]));
    expect(rows.map((d) => d.messageId)).toEqual(rows.map((d) => `<digest.${d.id}@pactwatch>`));
    await finish('slow', a, b);
  }, 180_000);

  for (const holdAt of ['data-end', 'rcpt'] as const) {
    const when = holdAt === 'data-end' ? 'after its data ended (the server has kept the message)' : 'before its data (at RCPT TO)';
    const expectation =
      holdAt === 'data-end'
        ? 'each message the server had kept and whose acceptance was not recorded arrives twice, with the same Message-ID; every other subscriber gets exactly one copy'
        : 'every subscriber gets exactly one copy';
    it(`(b) SIGKILL of the sending instance while the server holds its answer ${when}: ${expectation}; the takeover counts as an attempt; all SENT`, async () => {
      const prefix = `kill-${holdAt}`;
      const SUBSCRIBERS = 60;
      // The gate closes after 15 messages: what is sent after waits there, unanswered.
      const gated = await sink({ delayMs: 150, holdAt });
      gated.holdAfter = 15;
      const emails = await subscribers(prefix, SUBSCRIBERS);
      // This scenario's mail: a delivery an earlier scenario queued may still be sent through this sink.
      const ours = (m: SinkMessage) => m.to.some((to) => emails.includes(to));
      const a = await start(`${prefix}-a`, gated.url);
      const b = await start(`${prefix}-b`, gated.url);

      await waitFor('messages waiting at the SMTP server', 60_000, () => gated.waiting().length > 0, logs);
      await sleep(300);

      // Kill the instance with the most messages waiting for an answer.
      const pids = [a.child.pid!, b.child.pid!];
      const waitingPorts = gated.waiting();
      const holders = waitingPorts.map((port) => pidOwningPort(port, pids));
      const byPid = (pid: number) => holders.filter((h) => h === pid).length;
      const victim = byPid(b.child.pid!) > byPid(a.child.pid!) ? b : a;
      const survivor = victim === a ? b : a;
      expect(byPid(victim.child.pid!)).toBeGreaterThan(0);
      const victimPorts = new Set(waitingPorts.filter((_, i) => holders[i] === victim.child.pid));
      victim.child.kill('SIGKILL');
      await victim.exited;
      await sleep(200);

      // The window: messages the server kept from the killed instance, never answered, whose acceptance is not recorded.
      const kept = gated.messages.filter((m) => ours(m) && !m.answered && victimPorts.has(m.remotePort));
      const unrecorded = new Set((await deliveries(prefix)).filter((d) => !d.accepted).map((d) => `<digest.${d.id}@pactwatch>`));
      const inWindow = kept.map(messageIdOf).filter((id) => unrecorded.has(id));
      expect(inWindow).toHaveLength(kept.length);
      if (holdAt === 'rcpt') expect(inWindow).toHaveLength(0);
      else expect(inWindow.length).toBeGreaterThan(0);

      gated.holdAfter = null;
      gated.release();
      // The survivor takes over what the killed one held once the engine sees no heartbeat for DIGEST_LEASE_SECONDS.
      await waitFor(
        'every delivery of the period to be SENT',
        90_000,
        async () => {
          const rows = await deliveries(prefix);
          return rows.length === SUBSCRIBERS && rows.every((d) => d.status === 'SENT');
        },
        () => `${logs()}\n${survivor.name} survives`,
      );

      const rows = await deliveries(prefix);
      expect(rows.map((d) => d.email)).toEqual(emails);
      expect(rows.every((d) => d.attempts <= MAX_ATTEMPTS)).toBe(true);
      // What the killed instance held was taken over: a second attempt.
      expect(rows.some((d) => d.attempts === 2)).toBe(true);

      const byMessageId = new Map<string, string[]>();
      const mine = gated.messages.filter(ours);
      for (const m of mine) byMessageId.set(messageIdOf(m), [...(byMessageId.get(messageIdOf(m)) ?? []), ...m.to]);
      const duplicates = mine.length - byMessageId.size;
      // The duplicates reported are exactly the deliveries in the window, each a second copy with the same Message-ID.
      expect(duplicates).toBe(inWindow.length);
      expect(rows.map((d) => [d.email, byMessageId.get(`<digest.${d.id}@pactwatch>`) ?? []])).toEqual(
        rows.map((d) => [d.email, inWindow.includes(`<digest.${d.id}@pactwatch>`) ? [d.email, d.email] : [d.email]]),
      );
      expect(byMessageId.size).toBe(SUBSCRIBERS);

      // The killed instance comes back: nothing is left for it to send.
      const sent = gated.messages.filter(ours).length;
      const restarted = await start(`${prefix}-restarted`, gated.url);
      await sleep(4000);
      expect(restarted.child.exitCode).toBeNull();
      expect(gated.messages.filter(ours).length).toBe(sent);
      await finish(prefix, restarted, survivor);
    }, 240_000);
  }

  it('(c) the SMTP server down for a while: deliveries are retried with exponential backoff (waits of at least 1 s, then 2 s), then SENT once it is back; nothing lost, one copy each', async () => {
    // A port with no server on it, for now.
    const reserved = await startSmtpSink();
    const port = Number(new URL(reserved.url).port);
    await reserved.close();
    const emails = await subscribers('down', 6);
    type Row = { id: string; attempts: number; status: string; lastError: string | null; accepted: boolean };
    const observe = () =>
      db
        .query<Row>(
          `SELECT d.id, d.attempts, d.status, d.last_error AS "lastError", d.accepted_at IS NOT NULL AS accepted
           FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id JOIN users u ON u.id = s.user_id
           WHERE u.email LIKE 'down.%' AND d.status <> 'EMPTY'`,
        )
        .then((r) => r.rows);
    // When each attempt began, as seen from here (every 100 ms or so): the moment the engine gave the
    // job out again is when the row first shows the next attempt number.
    const began = new Map<string, Map<number, number>>();
    const watching = waitFor('every delivery to have failed three times', 90_000, async () => {
      const rows = await observe();
      const now = Date.now();
      for (const r of rows.filter((r) => r.attempts > 0)) {
        const seen = began.get(r.id) ?? new Map<number, number>();
        if (!seen.has(r.attempts)) seen.set(r.attempts, now);
        began.set(r.id, seen);
      }
      return rows.length === emails.length && rows.every((r) => r.attempts >= 3 && r.status === 'PENDING') ? rows : null;
    });
    const env = { DIGEST_MAX_ATTEMPTS: String(ATTEMPTS_WHILE_DOWN) };
    const [a, b] = await Promise.all([start('down-a', `smtp://127.0.0.1:${port}`, env), start('down-b', `smtp://127.0.0.1:${port}`, env)]);
    const failing = await watching.catch((err) => {
      throw new Error(`${err.message}\n${JSON.stringify([...began].map(([id, m]) => [id, [...m]]))}\n${logs()}`);
    });
    expect(failing.every((d) => d.status !== 'FAILED' && !d.accepted)).toBe(true);
    expect(failing.map((d) => d.lastError)).toEqual(failing.map(() => expect.stringMatching(/ECONNREFUSED|connect/i)));
    // Backoff (the engine's): after failure n the next attempt waits DIGEST_RETRY_SECONDS × 2^(n-1) at
    // least (and at most twice that): 1 s, then 2 s. Seen from here to within one look (100 ms and a query).
    const SEEN_WITHIN_MS = 400;
    for (const [id, seen] of began) {
      expect([id, seen.get(2)! - seen.get(1)! >= 1000 - SEEN_WITHIN_MS, seen.get(3)! - seen.get(2)! >= 2000 - SEEN_WITHIN_MS]).toEqual([id, true, true]);
    }

    const back = await sink({ port });
    await waitFor(
      'every delivery to be SENT',
      90_000,
      async () => {
        const rows = await deliveries('down');
        return rows.every((d) => d.status === 'SENT');
      },
      logs,
    );
    expect(copies(back, emails)).toEqual(emails.map((e) => [e, 1]));
    const rows = await deliveries('down');
    expect(rows.map((d) => [d.email, d.status, d.accepted, d.lastError])).toEqual(emails.map((e) => [e, 'SENT', true, null]));
    expect(rows.every((d) => d.attempts >= 2 && d.attempts <= ATTEMPTS_WHILE_DOWN)).toBe(true);
    await finish('down', a, b);
  }, 180_000);

  it('(d) a permanent 5xx for one recipient: that delivery is FAILED on its first attempt with the answer, never retried; the others are SENT, one copy each', async () => {
    const refusing = await sink({ reject: (address) => (address === 'refused.01@example.org' ? 'No such mailbox here' : null) });
    const emails = await subscribers('refused', 4);
    const a = await start('refused-a', refusing.url);
    const b = await start('refused-b', refusing.url);

    await waitFor(
      'every delivery to be finished',
      60_000,
      async () => {
        const rows = await deliveries('refused');
        return rows.length === emails.length && rows.every((d) => d.status === 'SENT' || d.status === 'FAILED');
      },
      logs,
    );
    // Three more polls of both instances: nothing tries it again.
    await sleep(3000);
    const rows = await deliveries('refused');
    expect(rows.map((d) => [d.email, d.status, d.attempts])).toEqual(emails.map((e) => [e, e === 'refused.01@example.org' ? 'FAILED' : 'SENT', 1]));
    expect(rows.find((d) => d.status === 'FAILED')!.lastError).toMatch(/550.*No such mailbox here/);
    expect(copies(refusing, emails)).toEqual(emails.map((e) => [e, e === 'refused.01@example.org' ? 0 : 1]));
    await finish('refused', a, b);
  }, 120_000);
});
