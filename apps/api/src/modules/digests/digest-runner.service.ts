import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DigestCadence, latestPeriod } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returningRows } from '../../common/sql/returning-rows';
import { SecretsService } from '../auth/secrets.service';
import { Acceptance, MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { DigestBuilderService, DigestScope, DigestWindow, scopeOf } from './digest-builder.service';
import { itemCount } from './digest-content';
import { DigestRunResult } from './digest.models';
import { renderDigest } from './digest-renderer';
import { signUnsubscribe } from './unsubscribe-token';
import { inBackground } from '../../database/query-counter';
import { MetricsService } from '../ops/metrics.service';
import type { Job, JobResult } from 'pg-boss';
import { JobsService } from '../jobs/jobs.service';
import { Repeating } from '../jobs/repeating';
import { StatementBatcher } from './statement-batcher';

interface Claimed {
  id: string;
  workspaceId: string;
  subscriptionId: string;
  windowStart: Date;
  periodEnd: Date;
  attempts: number;
  userId: string | null;
  recipient: string;
  locale: string;
  timeZone: string;
  filter: Record<string, unknown> | null;
  /** Unsubscribed, or digests turned off, since the delivery was queued: it ends EMPTY, unsent. */
  unsubscribed: boolean;
}

const SCHEDULE_BATCH = 1000;
const HOUR = 3600_000;

/**
 * The earliest moment the period after one that ended at `end` can end: a minute later for
 * instant digests; for daily and weekly ones a day or a week less an hour, as a daylight-saving
 * change shortens a local day by at most that. A lower bound, so never late: the subscription is
 * looked at again then, and pushed on if its period has not ended yet.
 */
function nextDueAfter(cadence: DigestCadence, end: Date): Date {
  const length = cadence === DigestCadence.INSTANT ? 60_000 : cadence === DigestCadence.WEEKLY ? 7 * 24 * HOUR - HOUR : 24 * HOUR - HOUR;
  return new Date(end.getTime() + length);
}
/** Jobs a worker takes at once: their deliveries share the window reads and the recipients' scopes. */
const CLAIM_BATCH = 100;
/** The job engine's queue of deliveries to send (one job per delivery, its id the delivery's), and where spent ones go. */
export const DIGEST_QUEUE = 'digest-send';
export const DIGEST_DEAD_LETTERS = 'digest-send-dead';
/** Longest a send job may stay active however it beats: a stuck SMTP conversation is cut off by nodemailer long before. */
const JOB_EXPIRY_SECONDS = 4 * 3600;

interface DeliveryJobData {
  deliveryId: string;
}
type Outcome = 'sent' | 'empty' | 'taken' | 'retry' | 'failed';
/** Events of the windows a run keeps loaded between batches (a window of 50,000 events holds tens of MB). */
const WINDOW_EVENTS_KEPT = 100_000;

/**
 * Digests run on PostgreSQL alone, through the job engine (pg-boss), so any number of instances
 * run them with no leader. Each instance looks for due subscriptions every DIGEST_POLL_SECONDS with
 * one indexed query; scheduling claims a delivery row per (subscription, period) — unique, so made
 * once whoever gets there first — and sends its job in the same transaction. The engine hands each
 * job to one worker and owns retries (exponential backoff from DIGEST_RETRY_SECONDS, at most
 * DIGEST_MAX_ATTEMPTS attempts), expiry and dead letters; `digest_deliveries` stays the log admins read.
 *
 * While a worker holds a batch the engine's heartbeat keeps it (every half of DIGEST_LEASE_SECONDS,
 * however slow the SMTP server), so a job goes to another worker only when its worker stopped
 * beating (died, or lost the database) for a whole DIGEST_LEASE_SECONDS; that retry counts as an
 * attempt. A worker sends only while the delivery row still carries its attempt.
 *
 * The server's acceptance (its 250 answer and the Message-ID) is recorded the moment it answers,
 * whichever attempt holds the row then, and a row with an acceptance is never sent again. The one
 * window left: the worker stops after the server accepted and before that record commits; the
 * retry then sends a second copy with the same Message-ID (`<digest.<delivery id>@pactwatch>`).
 */
@Injectable()
export class DigestRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digests');
  private readonly scheduler = new Repeating('digest scheduling', this.logger);
  /** Set at shutdown: no more scheduling, and a batch under way stops taking deliveries. */
  private stopping = false;
  /** Windows read by this instance's worker, shared by later batches of the same period (bounded by forgetWindows). */
  private readonly windows = new Map<string, Promise<DigestWindow>>();
  /**
   * The per-message statements (the check that a row is still ours before a send, the acceptance
   * after it), each row with its own condition, but those asked while one is in flight go together
   * (see StatementBatcher: none waits on a timer). Two statements and commits per message were a
   * quarter of PostgreSQL's CPU in a run, and as many writes from the API.
   */
  private readonly checks = new StatementBatcher<Claimed, boolean>((rows) => this.stillOursAll(rows));
  private readonly acceptances = new StatementBatcher<{ d: Claimed; items: number; acceptance: Acceptance }, void>((rows) => this.recordAcceptances(rows));

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: DigestBuilderService,
    private readonly mail: MailService,
    private readonly secrets: SecretsService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The app made only to write schema.gql has no database, and so no job engine.
    if (!this.jobs.running) return;
    // The send queue's policy, from the configuration (so a changed setting applies to jobs sent from then on).
    await this.jobs.ensureQueue(
      DIGEST_QUEUE,
      {
        retryLimit: this.config.DIGEST_MAX_ATTEMPTS - 1,
        retryDelay: this.config.DIGEST_RETRY_SECONDS,
        retryBackoff: true,
        heartbeatSeconds: this.config.DIGEST_LEASE_SECONDS,
        expireInSeconds: JOB_EXPIRY_SECONDS,
      },
      DIGEST_DEAD_LETTERS,
    );
    if (this.config.DIGEST_POLL_SECONDS <= 0) return;
    const poll = { batchSize: CLAIM_BATCH, pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS };
    await this.jobs.work<DeliveryJobData>(DIGEST_QUEUE, { ...poll, perJobResults: true }, (jobs) => inBackground(() => this.work(jobs, this.windows)));
    await this.jobs.work<DeliveryJobData>(DIGEST_DEAD_LETTERS, poll, (jobs) => inBackground(() => this.deadLetters(jobs)));
    this.scheduler.start(this.config.DIGEST_POLL_SECONDS, () => this.schedule(new Date()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Whether this instance schedules and sends (for readiness): 'off' when DIGEST_POLL_SECONDS is 0, 'stopped' once shutting down. */
  schedulerState(): 'running' | 'off' | 'stopped' {
    if (this.stopping) return 'stopped';
    if (this.config.DIGEST_POLL_SECONDS <= 0) return 'off';
    return this.scheduler.active ? 'running' : 'stopped';
  }

  /**
   * Stops scheduling and taking jobs; a batch under way sends the messages it has started and
   * hands the rest back to the engine (a retry, on any instance), and ends.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.scheduler.stop(), this.jobs.stopWorkers(DIGEST_QUEUE, DIGEST_DEAD_LETTERS)]);
  }

  /**
   * Schedules the workspace's due digests, then sends every queued delivery this run can take from
   * the engine, here and now (what `runDigests` does): the same handling as the workers', the job
   * settled the same way.
   */
  async runOnce(now = new Date(), workspaceId: string | null = null): Promise<DigestRunResult> {
    const scheduled = await this.schedule(now, workspaceId);
    const result = { scheduled, sent: 0, empty: 0, failed: 0 };
    const windows = new Map<string, Promise<DigestWindow>>();
    const boss = this.jobs.boss;
    while (!this.stopping) {
      const jobs = await boss.fetch<DeliveryJobData>(DIGEST_QUEUE, { batchSize: CLAIM_BATCH });
      if (!jobs.length) break;
      // Fetched jobs beat by hand, as the engine's workers do for theirs.
      const beat = setInterval(() => {
        boss.touch(DIGEST_QUEUE, jobs.map((j) => ({ id: j.id, retryCount: j.retryCount }))).catch((err: Error) => this.logger.warn(`digest heartbeat failed: ${err.message}`));
      }, (this.config.DIGEST_LEASE_SECONDS * 1000) / 2);
      beat.unref();
      try {
        const outcomes = await this.handle(jobs, windows);
        const settle = (wanted: Outcome[]) => jobs.filter((j) => wanted.includes(outcomes.get(j.id) ?? 'retry')).map((j) => ({ id: j.id, retryCount: j.retryCount }));
        const done = settle(['sent', 'empty', 'taken', 'failed']);
        const again = settle(['retry']);
        if (done.length) await boss.complete(DIGEST_QUEUE, done);
        if (again.length) await boss.fail(DIGEST_QUEUE, again, { message: 'temporary failure; see the delivery log' });
        for (const o of outcomes.values()) {
          if (o === 'sent') result.sent += 1;
          else if (o === 'empty') result.empty += 1;
          else if (o === 'retry' || o === 'failed') result.failed += 1;
        }
      } finally {
        clearInterval(beat);
      }
    }
    // And the engine's dead letters, as the workers take them.
    for (let jobs = await boss.fetch<DeliveryJobData>(DIGEST_DEAD_LETTERS, { batchSize: CLAIM_BATCH }); jobs.length; jobs = await boss.fetch<DeliveryJobData>(DIGEST_DEAD_LETTERS, { batchSize: CLAIM_BATCH })) {
      await this.deadLetters(jobs);
      await boss.complete(DIGEST_DEAD_LETTERS, jobs.map((j) => ({ id: j.id, retryCount: j.retryCount })));
    }
    return result;
  }

  /** The engine's worker: each job completed, or failed for a retry (or, with none left, the dead letters). */
  private async work(jobs: Job<DeliveryJobData>[], windows: Map<string, Promise<DigestWindow>>): Promise<JobResult[]> {
    const outcomes = await this.handle(jobs, windows);
    return jobs.map((j) => {
      const o = outcomes.get(j.id) ?? 'retry';
      return o === 'retry' ? { id: j.id, status: 'failed', output: { message: 'temporary failure; see the delivery log' } } : { id: j.id, status: 'completed', output: { outcome: o } };
    });
  }

  /**
   * Deliveries whose last attempt the engine gave up on (failed with none left, or their worker
   * stopped beating on it): FAILED in the log, unless the server's acceptance was recorded.
   */
  private async deadLetters(jobs: Job<DeliveryJobData>[]): Promise<void> {
    const ids = jobs.map((j) => j.data.deliveryId);
    const failed = await returningRows<{ id: string }>(
      this.dataSource,
      `UPDATE digest_deliveries SET status = 'FAILED', finished_at = now(),
         last_error = COALESCE(CASE WHEN status = 'SENDING' THEN 'the worker sending it stopped (no heartbeat for ' || $2 || ' s) on the last attempt' END, last_error, 'no attempt left')
       WHERE id = ANY($1::uuid[]) AND accepted_at IS NULL AND status IN ('PENDING', 'SENDING') RETURNING id`,
      [ids, this.config.DIGEST_LEASE_SECONDS],
    );
    if (failed.length) this.metrics?.digestFailed.inc(failed.length);
  }

  /**
   * Claims a delivery for every subscription whose latest period has ended and is not covered yet.
   * Only subscriptions whose `next_due_at` has come are read (one indexed query per batch, not a
   * scan of every subscription at every poll); each one looked at gets its next one — a lower
   * bound on when its next period can end — so it is not read again before then.
   */
  async schedule(now: Date, workspaceId: string | null = null): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.DIGEST_GRACE_SECONDS * 1000);
    let after = '00000000-0000-0000-0000-000000000000';
    let scheduled = 0;
    for (;;) {
      const subs: { id: string; workspaceId: string; cadence: DigestCadence; hour: number; weekday: number; timeZone: string; coveredUntil: Date }[] =
        await this.dataSource.query(
          `SELECT s.id, s.workspace_id AS "workspaceId", s.cadence, s.hour, s.weekday, s.time_zone AS "timeZone", s.covered_until AS "coveredUntil"
           FROM digest_subscriptions s
           WHERE COALESCE(s.next_due_at, '-infinity'::timestamptz) <= $4 AND s.cadence <> 'OFF' AND s.unsubscribed_at IS NULL
             AND s.id > $1 AND ($3::uuid IS NULL OR s.workspace_id = $3) AND (s.email IS NULL OR s.confirmed_at IS NOT NULL)
             AND (s.user_id IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = s.workspace_id AND m.user_id = s.user_id))
           ORDER BY s.id LIMIT $2`,
          [after, SCHEDULE_BATCH, workspaceId, cutoff],
        );
      if (!subs.length) return scheduled;
      after = subs[subs.length - 1].id;
      const due: { s: (typeof subs)[number]; end: Date }[] = [];
      const notYet: { id: string; next: Date }[] = [];
      for (const s of subs) {
        const period = latestPeriod(s, cutoff);
        const covered = new Date(s.coveredUntil);
        if (period && period.end.getTime() > covered.getTime()) due.push({ s, end: period.end });
        // Periods follow one another: the next one ends at least a period after the latest that ended.
        else if (period) notYet.push({ id: s.id, next: nextDueAfter(s.cadence, period.end) });
      }
      if (notYet.length) {
        await this.dataSource.query(
          `UPDATE digest_subscriptions s SET next_due_at = n.next FROM unnest($1::uuid[], $2::timestamptz[]) AS n(id, next) WHERE s.id = n.id`,
          [notYet.map((n) => n.id), notYet.map((n) => n.next)],
        );
      }
      if (!due.length) continue;
      // The claim and the move of covered_until are one statement on the locked subscription rows, so
      // each window starts where the previous one ended, whatever another instance (whose clock may
      // read another period) read before: one that moved it first makes the window start there, or
      // leaves nothing to claim. Windows never overlap, so no change is sent twice.
      // Each delivery's job is sent in the transaction that claims it: a delivery exists with its job or not at all.
      const claimed = await this.jobs.inTransaction(async (client, jobsDb) => {
        const { rows } = await client.query<{ id: string }>(
          `WITH due AS (
             SELECT s.id, s.workspace_id, s.covered_until AS window_start, c.pend, c.next
             FROM digest_subscriptions s JOIN unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS c(sub, pend, next) ON c.sub = s.id
             WHERE s.covered_until < c.pend
             ORDER BY s.id FOR UPDATE OF s
           ), moved AS (
             UPDATE digest_subscriptions s SET covered_until = due.pend, next_due_at = due.next FROM due WHERE s.id = due.id RETURNING s.id
           )
           INSERT INTO digest_deliveries (id, workspace_id, subscription_id, window_start, period_end)
           SELECT gen_random_uuid(), due.workspace_id, due.id, due.window_start, due.pend FROM due
           ON CONFLICT (subscription_id, period_end) DO NOTHING RETURNING id`,
          [due.map((d) => d.s.id), due.map((d) => d.end), due.map((d) => nextDueAfter(d.s.cadence, d.end))],
        );
        if (rows.length) await this.jobs.boss.insert(DIGEST_QUEUE, rows.map((r) => ({ id: r.id, data: { deliveryId: r.id } })), { db: jobsDb });
        return rows;
      });
      scheduled += claimed.length;
    }
  }

  /**
   * Takes the jobs' deliveries (the attempt is the engine's: its retry count plus one) and sends
   * them, eight at a time; a delivery already accepted or finished is left as it is. Each job's
   * outcome: sent, empty, taken (another attempt holds the row now), failed (for good: no retry),
   * or retry (a temporary failure, or not reached before this instance stopped).
   */
  private async handle(jobs: Job<DeliveryJobData>[], windows: Map<string, Promise<DigestWindow>>): Promise<Map<string, Outcome>> {
    const outcomes = new Map<string, Outcome>();
    const byDelivery = new Map(jobs.map((j) => [j.data.deliveryId, j]));
    const batch = await returningRows<Claimed>(
      this.dataSource,
      `UPDATE digest_deliveries d SET status = 'SENDING', attempts = j.attempt
       FROM unnest($1::uuid[], $2::int[]) AS j(id, attempt), digest_subscriptions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN saved_views v ON v.id = s.view_id
       WHERE d.id = j.id AND s.id = d.subscription_id AND d.accepted_at IS NULL AND d.status IN ('PENDING', 'SENDING')
       RETURNING d.id, d.workspace_id AS "workspaceId", d.subscription_id AS "subscriptionId", d.window_start AS "windowStart",
                 d.period_end AS "periodEnd", d.attempts, s.user_id AS "userId", COALESCE(s.email, u.email) AS recipient,
                 s.locale, s.time_zone AS "timeZone", COALESCE(v.filter, s.filter) AS filter,
                 (s.unsubscribed_at IS NOT NULL OR s.cadence = 'OFF') AS unsubscribed`,
      [jobs.map((j) => j.data.deliveryId), jobs.map((j) => j.retryCount + 1)],
    );
    // Not taken: accepted, finished or gone already; the job has nothing left to do.
    const taken = new Set(batch.map((d) => d.id));
    for (const j of jobs) if (!taken.has(j.data.deliveryId)) outcomes.set(j.id, 'taken');
    const done = await this.deliver(batch, windows, (d) => byDelivery.get(d.id)?.signal?.aborted ?? false);
    for (const [deliveryId, outcome] of done) {
      const job = byDelivery.get(deliveryId);
      if (job) outcomes.set(job.id, outcome);
    }
    return outcomes;
  }

  private async deliver(batch: Claimed[], windows: Map<string, Promise<DigestWindow>>, lost: (d: Claimed) => boolean): Promise<Map<string, Outcome>> {
    const scopes = new Map<string, DigestScope>();
    for (const workspaceId of new Set(batch.map((d) => d.workspaceId))) {
      const members = batch.filter((d) => d.workspaceId === workspaceId && d.userId).map((d) => d.userId as string);
      if (members.length) for (const [id, scope] of await this.builder.memberScopes(workspaceId, members)) scopes.set(id, scope);
    }
    const secret = await this.secrets.named('unsubscribe');
    const outcomes = new Map<string, Outcome>();
    const queue = [...batch];
    const worker = async () => {
      for (let d = this.stopping ? undefined : queue.shift(); d; d = this.stopping ? undefined : queue.shift()) {
        try {
          const outcome = lost(d) ? 'taken' : await this.deliverOne(d, windows, scopes, secret);
          outcomes.set(d.id, outcome);
          if (outcome === 'sent') this.metrics?.digestSent.inc();
        } catch (err) {
          outcomes.set(d.id, await this.failed(d, err));
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.config.DIGEST_SEND_CONCURRENCY }, worker));
      if (queue.length) await this.release(queue);
    } finally {
      await this.forgetWindows(windows);
    }
    for (const d of queue) outcomes.set(d.id, 'retry');
    return outcomes;
  }

  /**
   * A run keeps the windows it loaded for the digests still to come, up to WINDOW_EVENTS_KEPT
   * events in all: past that the least recently used go (read again if a later digest needs
   * one), so that a run over many workspaces does not hold every one of them. A window that
   * failed to load goes too, to be read afresh rather than fail every digest after it.
   */
  private async forgetWindows(windows: Map<string, Promise<DigestWindow>>): Promise<void> {
    const sizes = await Promise.all([...windows].map(async ([key, window]) => [key, await window.then((w) => w.events.length, () => -1)] as const));
    let kept = sizes.reduce((sum, [, n]) => sum + Math.max(n, 0), 0);
    for (const [key, n] of sizes) {
      if (n < 0) windows.delete(key);
      else if (kept > WINDOW_EVENTS_KEPT && windows.size > 1) {
        windows.delete(key);
        kept -= n;
      }
    }
  }

  private async deliverOne(
    d: Claimed,
    windows: Map<string, Promise<DigestWindow>>,
    scopes: Map<string, DigestScope>,
    secret: string,
  ): Promise<'sent' | 'empty' | 'taken'> {
    const key = `${d.workspaceId}|${new Date(d.windowStart).toISOString()}|${new Date(d.periodEnd).toISOString()}`;
    let window = windows.get(key);
    if (window) windows.delete(key); // set again below: the map's order is the order of last use
    else window = this.builder.loadWindow(d.workspaceId, new Date(d.windowStart), new Date(d.periodEnd));
    windows.set(key, window);
    const scope = d.userId ? scopes.get(d.userId) : scopeOf(d.filter ? [{ subjectType: 'VIEW', subjectId: null, filter: d.filter }] : [], !d.filter);
    const content = await this.builder.content(await window, scope ?? scopeOf([], false));
    const count = itemCount(content);
    if (!count || d.unsubscribed || !d.recipient) {
      await this.finish(d, 'EMPTY', 0, null);
      return 'empty';
    }
    const unsubscribeUrl = `${this.config.publicUrl}/unsubscribe?token=${signUnsubscribe(d.subscriptionId, secret)}`;
    const rendered = renderDigest(content, { locale: d.locale, timeZone: d.timeZone, publicUrl: this.config.publicUrl, unsubscribeUrl });
    const messageId = `<digest.${d.id}@pactwatch>`;
    if (!(await this.stillOurs(d))) return 'taken';
    const acceptance = await this.mail.send({
      to: d.recipient,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      // A digest runs to tens of kilobytes: nodemailer's quoted-printable path (a scan per part, then
      // a byte-by-byte encoder) cost it more CPU than building and rendering the digest did.
      textEncoding: 'base64',
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', [WORKSPACE_MAIL_HEADER]: d.workspaceId },
    });
    await this.accepted(d, count, acceptance);
    return 'sent';
  }

  /**
   * Checked just before a message goes out: the row still carries this attempt and is still SENDING
   * (so not accepted). A worker whose job the engine gave to another after a missed heartbeat finds
   * the row moved on to the next attempt and sends nothing.
   */
  private stillOurs(d: Claimed): Promise<boolean> {
    return this.checks.add(d);
  }

  private async stillOursAll(rows: Claimed[]): Promise<boolean[]> {
    const ours = await returningRows<{ id: string }>(
      this.dataSource,
      `SELECT d.id FROM digest_deliveries d JOIN unnest($1::uuid[], $2::int[]) AS r(id, attempts) ON d.id = r.id
       WHERE d.status = 'SENDING' AND d.attempts = r.attempts`,
      [rows.map((d) => d.id), rows.map((d) => d.attempts)],
    );
    const held = new Set(ours.map((r) => r.id));
    return rows.map((d) => held.has(d.id));
  }

  /**
   * Deliveries not reached before this instance stopped: back to PENDING, their job failed back to
   * the engine, which retries it on any instance after its backoff (an attempt, as the engine counts).
   */
  private async release(rows: Claimed[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_deliveries d SET status = 'PENDING', last_error = 'the instance stopped before sending it',
         next_attempt_at = now() + make_interval(secs => $3 * 2 ^ (r.attempts - 1))
       FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
       WHERE d.id = r.id AND d.status = 'SENDING' AND d.attempts = r.attempts`,
      [rows.map((d) => d.id), rows.map((d) => d.attempts), this.config.DIGEST_RETRY_SECONDS],
    );
    this.logger.log(`stopping: handed back ${rows.length} digest(s) not yet sent`);
  }

  /**
   * The server took the message: recorded at once, whichever attempt holds the row now (it is a
   * fact about the message, not about the attempt), and retried until it commits — a delivery with
   * an acceptance is never sent again. It goes at once, or with the acceptances that came in while
   * the statement before it ran, as soon as that returns; the worker does nothing else until it has
   * committed. Only a process that dies before this commits leaves the window in which a retry
   * sends a second copy (with the same Message-ID).
   */
  private async accepted(d: Claimed, items: number, acceptance: Acceptance): Promise<void> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await this.acceptances.add({ d, items, acceptance });
        return;
      } catch (err) {
        this.logger.error(`digest ${d.id} was accepted (${acceptance.messageId}) but could not be recorded yet: ${err instanceof Error ? err.message : err}`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async recordAcceptances(rows: { d: Claimed; items: number; acceptance: Acceptance }[]): Promise<void[]> {
    await this.dataSource.query(
      `UPDATE digest_deliveries d SET status = 'SENT', accepted_at = now(), smtp_response = r.response, message_id = r.message_id, item_count = r.items,
         finished_at = now(), last_error = NULL
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS r(id, message_id, response, items)
       WHERE d.id = r.id AND d.accepted_at IS NULL`,
      [rows.map((r) => r.d.id), rows.map((r) => r.acceptance.messageId), rows.map((r) => r.acceptance.response.slice(0, 500)), rows.map((r) => r.items)],
    );
    return rows.map(() => undefined);
  }

  /** Only by the attempt that holds it: a worker whose row went on to another attempt records nothing. */
  private async finish(d: Claimed, status: 'SENT' | 'EMPTY', items: number, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, item_count = $3, message_id = $4, finished_at = now(), last_error = NULL
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [d.id, status, items, messageId, d.attempts],
    );
  }

  /**
   * A temporary failure (no connection, a 4xx answer) is retried by the engine with exponential
   * backoff until DIGEST_MAX_ATTEMPTS: after failure n it waits DIGEST_RETRY_SECONDS × 2^(n-1) at
   * least and twice that at most (pg-boss's jitter); the log shows PENDING with the error and that
   * earliest next attempt. A permanent refusal (a 5xx answer:
   * no such mailbox, message refused) is FAILED at once — sending it again would be refused again —
   * and so is a temporary failure on the last attempt.
   */
  private async failed(d: Claimed, err: unknown): Promise<'retry' | 'failed'> {
    const message = err instanceof Error ? err.message : String(err);
    const code = Number((err as { responseCode?: unknown })?.responseCode);
    const permanent = code >= 500 && code < 600;
    this.logger.warn(`digest ${d.id} to ${d.recipient}, attempt ${d.attempts}${permanent ? ' (permanent)' : ''}: ${message}`);
    const final = permanent || d.attempts >= this.config.DIGEST_MAX_ATTEMPTS;
    (final ? this.metrics?.digestFailed : this.metrics?.digestRetried)?.inc();
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, last_error = $3,
         next_attempt_at = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'FAILED' THEN now() END
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5 AND accepted_at IS NULL`,
      [d.id, final ? 'FAILED' : 'PENDING', message.slice(0, 500), this.config.DIGEST_RETRY_SECONDS * 2 ** (d.attempts - 1), d.attempts],
    );
    return final ? 'failed' : 'retry';
  }
}
