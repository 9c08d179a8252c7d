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
const CLAIM_BATCH = 100;
/** Events of the windows a run keeps loaded between batches (a window of 50,000 events holds tens of MB). */
const WINDOW_EVENTS_KEPT = 100_000;

/**
 * Digests run on PostgreSQL alone, so any number of instances can run them. Scheduling claims a
 * delivery row per (subscription, period) — unique, so made once whoever gets there first —
 * before anything is sent; workers take due rows with FOR UPDATE SKIP LOCKED and a lease, which a
 * heartbeat renews for as long as the worker holds them, however slow the SMTP server. So a row is
 * taken over only when its worker stopped (died, or lost the database) for a whole lease; that
 * takeover counts as an attempt, and attempts never exceed DIGEST_MAX_ATTEMPTS.
 *
 * The server's acceptance (its 250 answer and the Message-ID) is recorded the moment it answers,
 * whichever attempt holds the row then, and a row with an acceptance is never sent again. The one
 * window left: the worker stops after the server accepted and before that record commits; the
 * takeover then sends a second copy with the same Message-ID (`<digest.<delivery id>@pactwatch>`).
 */
@Injectable()
export class DigestRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digests');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  /** Set at shutdown: no more claims, and what is claimed but not yet sent is handed back. */
  private stopping = false;
  /**
   * The per-message statements (the lease check before a send, the acceptance after it), each row
   * with its own condition as before, but those asked while one is in flight go together (see
   * StatementBatcher: none waits on a timer). Two statements and commits per message were a
   * quarter of PostgreSQL's CPU in a run, and as many writes from the API.
   */
  private readonly leases = new StatementBatcher<Claimed, boolean>((rows) => this.renewLeases(rows));
  private readonly acceptances = new StatementBatcher<{ d: Claimed; items: number; acceptance: Acceptance }, void>((rows) => this.recordAcceptances(rows));

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: DigestBuilderService,
    private readonly mail: MailService,
    private readonly secrets: SecretsService,
    private readonly config: AppConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DIGEST_POLL_SECONDS <= 0) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => inBackground(() => this.runOnce())).catch((err) => this.logger.error(`digest run failed: ${err instanceof Error ? err.message : err}`));
    }, this.config.DIGEST_POLL_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Whether the scheduler polls (for readiness): 'off' when DIGEST_POLL_SECONDS is 0, 'stopped' once shutting down. */
  schedulerState(): 'running' | 'off' | 'stopped' {
    if (this.stopping) return 'stopped';
    if (this.config.DIGEST_POLL_SECONDS <= 0) return 'off';
    return this.timer ? 'running' : 'stopped';
  }

  /**
   * Stops polling and claiming; a run under way sends the messages it has started, hands the rest
   * of its claimed rows back (PENDING, the attempt not counted) for another instance, and ends.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running.catch(() => undefined);
  }

  /** Schedules what is due and sends until nothing is left to take; all workspaces, or one. */
  async runOnce(now = new Date(), workspaceId: string | null = null): Promise<DigestRunResult> {
    const scheduled = await this.schedule(now, workspaceId);
    const result = { scheduled, sent: 0, empty: 0, failed: 0 };
    const windows = new Map<string, Promise<DigestWindow>>();
    while (!this.stopping) {
      const batch = await this.claim(workspaceId);
      if (!batch.length) break;
      const done = await this.deliver(batch, windows);
      result.sent += done.sent;
      result.empty += done.empty;
      result.failed += done.failed;
    }
    return result;
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
      const claimed = await this.dataSource.query(
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
      scheduled += claimed.length;
    }
  }

  private async claim(workspaceId: string | null): Promise<Claimed[]> {
    // A row whose worker stopped on its last attempt is not taken again: it is FAILED.
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = 'FAILED', lease_until = NULL, finished_at = now(),
         last_error = 'the worker sending it stopped (no heartbeat for ' || $1 || ' s) on the last attempt'
       WHERE status = 'SENDING' AND lease_until < now() AND accepted_at IS NULL AND attempts >= $2 AND ($3::uuid IS NULL OR workspace_id = $3)`,
      [this.config.DIGEST_LEASE_SECONDS, this.config.DIGEST_MAX_ATTEMPTS, workspaceId],
    );
    return returningRows<Claimed>(
      this.dataSource,
      `WITH c AS (
         SELECT id FROM digest_deliveries
         WHERE ((status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now()))
           AND accepted_at IS NULL AND attempts < $4
           AND ($3::uuid IS NULL OR workspace_id = $3)
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE digest_deliveries d SET status = 'SENDING', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2)
       FROM c, digest_subscriptions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN saved_views v ON v.id = s.view_id
       WHERE d.id = c.id AND s.id = d.subscription_id
       RETURNING d.id, d.workspace_id AS "workspaceId", d.subscription_id AS "subscriptionId", d.window_start AS "windowStart",
                 d.period_end AS "periodEnd", d.attempts, s.user_id AS "userId", COALESCE(s.email, u.email) AS recipient,
                 s.locale, s.time_zone AS "timeZone", COALESCE(v.filter, s.filter) AS filter, s.unsubscribed_at IS NOT NULL AS unsubscribed`,
      [CLAIM_BATCH, this.config.DIGEST_LEASE_SECONDS, workspaceId, this.config.DIGEST_MAX_ATTEMPTS],
    );
  }

  /**
   * Keeps the rows this worker holds (claimed, not finished) leased: every third of the lease, one
   * statement renews them all. A row another instance took over meanwhile (only after a whole lease
   * without a beat) is no longer ours and is left alone.
   */
  private heartbeat(held: Map<string, Claimed>): () => void {
    const beat = () => {
      if (!held.size) return;
      const rows = [...held.values()];
      this.dataSource
        .query(
          `UPDATE digest_deliveries d SET lease_until = now() + make_interval(secs => $3)
           FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
           WHERE d.id = r.id AND d.status = 'SENDING' AND d.attempts = r.attempts`,
          [rows.map((d) => d.id), rows.map((d) => d.attempts), this.config.DIGEST_LEASE_SECONDS],
        )
        .catch((err) => this.logger.warn(`digest heartbeat failed: ${err instanceof Error ? err.message : err}`));
    };
    const timer = setInterval(beat, Math.max(200, (this.config.DIGEST_LEASE_SECONDS * 1000) / 3));
    timer.unref();
    return () => clearInterval(timer);
  }

  private async deliver(batch: Claimed[], windows: Map<string, Promise<DigestWindow>>): Promise<{ sent: number; empty: number; failed: number }> {
    const scopes = new Map<string, DigestScope>();
    for (const workspaceId of new Set(batch.map((d) => d.workspaceId))) {
      const members = batch.filter((d) => d.workspaceId === workspaceId && d.userId).map((d) => d.userId as string);
      if (members.length) for (const [id, scope] of await this.builder.memberScopes(workspaceId, members)) scopes.set(id, scope);
    }
    const secret = await this.secrets.named('unsubscribe');
    const tally = { sent: 0, empty: 0, failed: 0 };
    const queue = [...batch];
    const held = new Map(batch.map((d) => [d.id, d]));
    const stopBeating = this.heartbeat(held);
    const worker = async () => {
      for (let d = this.stopping ? undefined : queue.shift(); d; d = this.stopping ? undefined : queue.shift()) {
        try {
          const outcome = await this.deliverOne(d, windows, scopes, secret);
          if (outcome !== 'taken') tally[outcome] += 1;
          if (outcome === 'sent') this.metrics?.digestSent.inc();
        } catch (err) {
          tally.failed += 1;
          await this.failed(d, err);
        } finally {
          held.delete(d.id);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.config.DIGEST_SEND_CONCURRENCY }, worker));
      if (queue.length) await this.release(queue);
    } finally {
      stopBeating();
      await this.forgetWindows(windows);
    }
    return tally;
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
    if (!(await this.renewLease(d))) return 'taken';
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
   * Checked just before a message goes out: the row is still ours (same attempt, still SENDING,
   * so not accepted), and its lease starts afresh. The heartbeat keeps it from there.
   */
  private renewLease(d: Claimed): Promise<boolean> {
    return this.leases.add(d);
  }

  private async renewLeases(rows: Claimed[]): Promise<boolean[]> {
    const renewed = await returningRows<{ id: string }>(
      this.dataSource,
      `UPDATE digest_deliveries d SET lease_until = now() + make_interval(secs => $3)
       FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
       WHERE d.id = r.id AND d.status = 'SENDING' AND d.attempts = r.attempts RETURNING d.id`,
      [rows.map((d) => d.id), rows.map((d) => d.attempts), this.config.DIGEST_LEASE_SECONDS],
    );
    const ours = new Set(renewed.map((r) => r.id));
    return rows.map((d) => ours.has(d.id));
  }

  /** Claimed rows not sent, given back as they were before the claim, due at once, for any instance to take. */
  private async release(rows: Claimed[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_deliveries d SET status = 'PENDING', attempts = d.attempts - 1, lease_until = NULL, next_attempt_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
       WHERE d.id = r.id AND d.status = 'SENDING' AND d.attempts = r.attempts`,
      [rows.map((d) => d.id), rows.map((d) => d.attempts)],
    );
    this.logger.log(`stopping: handed back ${rows.length} claimed digest(s)`);
  }

  /**
   * The server took the message: recorded at once, whichever attempt holds the row now (it is a
   * fact about the message, not about the lease), and retried until it commits — a delivery with
   * an acceptance is never claimed again. It goes at once, or with the acceptances that came in
   * while the statement before it ran, as soon as that returns; the worker does nothing else
   * until it has committed. Only a process that dies before this commits leaves the
   * window in which a takeover sends a second copy (with the same Message-ID).
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
         finished_at = now(), lease_until = NULL, last_error = NULL
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS r(id, message_id, response, items)
       WHERE d.id = r.id AND d.accepted_at IS NULL`,
      [rows.map((r) => r.d.id), rows.map((r) => r.acceptance.messageId), rows.map((r) => r.acceptance.response.slice(0, 500)), rows.map((r) => r.items)],
    );
    return rows.map(() => undefined);
  }

  /** Only by the attempt that holds it: a worker whose row was taken over records nothing. */
  private async finish(d: Claimed, status: 'SENT' | 'EMPTY', items: number, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, item_count = $3, message_id = $4, finished_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [d.id, status, items, messageId, d.attempts],
    );
  }

  /**
   * A temporary failure (no connection, a 4xx answer) is retried with exponential backoff
   * (DIGEST_RETRY_SECONDS, then twice that, …) until DIGEST_MAX_ATTEMPTS; a permanent refusal (a
   * 5xx answer: no such mailbox, message refused) is FAILED at once — sending it again would be
   * refused again.
   */
  private async failed(d: Claimed, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const code = Number((err as { responseCode?: unknown })?.responseCode);
    const permanent = code >= 500 && code < 600;
    this.logger.warn(`digest ${d.id} to ${d.recipient}, attempt ${d.attempts}${permanent ? ' (permanent)' : ''}: ${message}`);
    const final = permanent || d.attempts >= this.config.DIGEST_MAX_ATTEMPTS;
    (final ? this.metrics?.digestFailed : this.metrics?.digestRetried)?.inc();
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, last_error = $3, lease_until = NULL,
         next_attempt_at = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'FAILED' THEN now() END
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5 AND accepted_at IS NULL`,
      [d.id, final ? 'FAILED' : 'PENDING', message.slice(0, 500), this.config.DIGEST_RETRY_SECONDS * 2 ** (d.attempts - 1), d.attempts],
    );
  }
}
