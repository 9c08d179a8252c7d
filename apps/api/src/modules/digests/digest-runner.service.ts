import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DigestCadence, latestPeriod } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returningRows } from '../../common/sql/returning-rows';
import { SecretsService } from '../auth/secrets.service';
import { MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { DigestBuilderService, DigestScope, DigestWindow, scopeOf } from './digest-builder.service';
import { itemCount } from './digest-content';
import { DigestRunResult } from './digest.models';
import { renderDigest } from './digest-renderer';
import { signUnsubscribe } from './unsubscribe-token';
import { inBackground } from '../../database/query-counter';
import { MetricsService } from '../ops/metrics.service';

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
const CLAIM_BATCH = 100;
const SEND_CONCURRENCY = 8;

/**
 * Digests run on PostgreSQL alone, so any number of instances can run them. Scheduling claims a
 * delivery row per (subscription, period) — unique, so made once whoever gets there first —
 * before anything is sent; workers take due rows with FOR UPDATE SKIP LOCKED and a lease. A row
 * whose worker died mid-way is taken again when its lease runs out, and retried with backoff
 * after a failure; once the attempts run out it stays FAILED for admins to see.
 */
@Injectable()
export class DigestRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digests');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  /** Set at shutdown: no more claims, and what is claimed but not yet sent is handed back. */
  private stopping = false;

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

  /** Claims a delivery for every subscription whose latest period has ended and is not covered yet. */
  async schedule(now: Date, workspaceId: string | null = null): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.DIGEST_GRACE_SECONDS * 1000);
    let after = '00000000-0000-0000-0000-000000000000';
    let scheduled = 0;
    for (;;) {
      const subs: { id: string; workspaceId: string; cadence: DigestCadence; hour: number; weekday: number; timeZone: string; coveredUntil: Date }[] =
        await this.dataSource.query(
          `SELECT s.id, s.workspace_id AS "workspaceId", s.cadence, s.hour, s.weekday, s.time_zone AS "timeZone", s.covered_until AS "coveredUntil"
           FROM digest_subscriptions s
           WHERE s.id > $1 AND ($3::uuid IS NULL OR s.workspace_id = $3) AND s.cadence <> 'OFF' AND s.unsubscribed_at IS NULL AND (s.email IS NULL OR s.confirmed_at IS NOT NULL)
             AND (s.user_id IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = s.workspace_id AND m.user_id = s.user_id))
           ORDER BY s.id LIMIT $2`,
          [after, SCHEDULE_BATCH, workspaceId],
        );
      if (!subs.length) return scheduled;
      after = subs[subs.length - 1].id;
      const due = subs.flatMap((s) => {
        const period = latestPeriod(s, cutoff);
        return period && period.end.getTime() > new Date(s.coveredUntil).getTime() ? [{ s, end: period.end }] : [];
      });
      if (!due.length) continue;
      // The claim and the move of covered_until are one statement on the locked subscription rows, so
      // each window starts where the previous one ended, whatever another instance (whose clock may
      // read another period) read before: one that moved it first makes the window start there, or
      // leaves nothing to claim. Windows never overlap, so no change is sent twice.
      const claimed = await this.dataSource.query(
        `WITH due AS (
           SELECT s.id, s.workspace_id, s.covered_until AS window_start, c.pend
           FROM digest_subscriptions s JOIN unnest($1::uuid[], $2::timestamptz[]) AS c(sub, pend) ON c.sub = s.id
           WHERE s.covered_until < c.pend
           ORDER BY s.id FOR UPDATE OF s
         ), moved AS (
           UPDATE digest_subscriptions s SET covered_until = due.pend FROM due WHERE s.id = due.id RETURNING s.id
         )
         INSERT INTO digest_deliveries (id, workspace_id, subscription_id, window_start, period_end)
         SELECT gen_random_uuid(), due.workspace_id, due.id, due.window_start, due.pend FROM due
         ON CONFLICT (subscription_id, period_end) DO NOTHING RETURNING id`,
        [due.map((d) => d.s.id), due.map((d) => d.end)],
      );
      scheduled += claimed.length;
    }
  }

  private async claim(workspaceId: string | null): Promise<Claimed[]> {
    return returningRows<Claimed>(
      this.dataSource,
      `WITH c AS (
         SELECT id FROM digest_deliveries
         WHERE ((status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now()))
           AND ($3::uuid IS NULL OR workspace_id = $3)
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE digest_deliveries d SET status = 'SENDING', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2)
       FROM c, digest_subscriptions s LEFT JOIN users u ON u.id = s.user_id LEFT JOIN saved_views v ON v.id = s.view_id
       WHERE d.id = c.id AND s.id = d.subscription_id
       RETURNING d.id, d.workspace_id AS "workspaceId", d.subscription_id AS "subscriptionId", d.window_start AS "windowStart",
                 d.period_end AS "periodEnd", d.attempts, s.user_id AS "userId", COALESCE(s.email, u.email) AS recipient,
                 s.locale, s.time_zone AS "timeZone", COALESCE(v.filter, s.filter) AS filter, s.unsubscribed_at IS NOT NULL AS unsubscribed`,
      [CLAIM_BATCH, this.config.DIGEST_LEASE_SECONDS, workspaceId],
    );
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
    const worker = async () => {
      for (let d = this.stopping ? undefined : queue.shift(); d; d = this.stopping ? undefined : queue.shift()) {
        try {
          const outcome = await this.deliverOne(d, windows, scopes, secret);
          if (outcome !== 'taken') tally[outcome] += 1;
          if (outcome === 'sent') this.metrics?.digestSent.inc();
        } catch (err) {
          tally.failed += 1;
          await this.failed(d, err);
        }
      }
    };
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, worker));
    if (queue.length) await this.release(queue);
    return tally;
  }

  private async deliverOne(
    d: Claimed,
    windows: Map<string, Promise<DigestWindow>>,
    scopes: Map<string, DigestScope>,
    secret: string,
  ): Promise<'sent' | 'empty' | 'taken'> {
    const key = `${d.workspaceId}|${new Date(d.windowStart).toISOString()}|${new Date(d.periodEnd).toISOString()}`;
    let window = windows.get(key);
    if (!window) windows.set(key, (window = this.builder.loadWindow(d.workspaceId, new Date(d.windowStart), new Date(d.periodEnd))));
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
    await this.mail.send({
      to: d.recipient,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', [WORKSPACE_MAIL_HEADER]: d.workspaceId },
    });
    await this.finish(d, 'SENT', count, messageId);
    return 'sent';
  }

  /**
   * The lease was taken for the whole batch; a row that waited in it past the lease may have been
   * taken over by another instance (a newer attempt), which then sends it. So each row is taken
   * again just before it is sent: the lease then only has to outlast one message.
   */
  private async renewLease(d: Claimed): Promise<boolean> {
    const rows = await returningRows(
      this.dataSource,
      `UPDATE digest_deliveries SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND status = 'SENDING' AND attempts = $2 RETURNING id`,
      [d.id, d.attempts, this.config.DIGEST_LEASE_SECONDS],
    );
    return rows.length > 0;
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

  /** Only by the attempt that holds it: a worker whose row was taken over records nothing. */
  private async finish(d: Claimed, status: 'SENT' | 'EMPTY', items: number, messageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, item_count = $3, message_id = $4, finished_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [d.id, status, items, messageId, d.attempts],
    );
  }

  /** Retried with exponential backoff (30 s, 1 min, 2 min, …) until DIGEST_MAX_ATTEMPTS, then FAILED. */
  private async failed(d: Claimed, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    this.logger.warn(`digest ${d.id} to ${d.recipient}, attempt ${d.attempts}: ${message}`);
    const final = d.attempts >= this.config.DIGEST_MAX_ATTEMPTS;
    (final ? this.metrics?.digestFailed : this.metrics?.digestRetried)?.inc();
    await this.dataSource.query(
      `UPDATE digest_deliveries SET status = $2, last_error = $3, lease_until = NULL,
         next_attempt_at = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'FAILED' THEN now() END
       WHERE id = $1 AND status = 'SENDING' AND attempts = $5`,
      [d.id, final ? 'FAILED' : 'PENDING', message.slice(0, 500), 30 * 2 ** (d.attempts - 1), d.attempts],
    );
  }
}
