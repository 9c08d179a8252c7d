import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkEmail, DigestCadence, DomainError, isTimeZone, normalizeEmail } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Caller } from '../../common/context/gql-context';
import { returningRows } from '../../common/sql/returning-rows';
import { ActivityService } from '../activity/activity.service';
import { newSecret, sha256 } from '../auth/tokens';
import { MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { DigestSubscription } from './digest.models';
import { DigestScheduleInput } from './dto/digest.inputs';
import { digestMessages } from './digest-messages';

const SCHEDULE = `s.cadence, s.hour, s.weekday, s.time_zone AS "timeZone", s.locale, s.unsubscribed_at IS NOT NULL AS unsubscribed`;
const SUBSCRIPTION = `s.id, s.email, s.cadence, s.hour, s.weekday, s.time_zone AS "timeZone", s.locale,
  COALESCE((SELECT v.filter FROM saved_views v WHERE v.id = s.view_id), s.filter) AS filter, s.view_id AS "viewId",
  (s.user_id IS NOT NULL OR s.confirmed_at IS NOT NULL) AS confirmed, s.unsubscribed_at IS NOT NULL AS unsubscribed,
  s.covered_until AS "coveredUntil"`;

/** A member who never chose gets this once they watch something. */
export const MEMBER_DEFAULT = { cadence: DigestCadence.DAILY, hour: 8, weekday: 1, timeZone: 'UTC', locale: 'en' };

function checkSchedule(input: DigestScheduleInput): void {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw DomainError.badInput([{ field: 'timeZone', message: `timeZone ${input.timeZone} is not an IANA time zone such as America/Mexico_City` }]);
  }
}

@Injectable()
export class DigestSubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly activity: ActivityService,
  ) {}

  async mine(workspaceId: string, userId: string): Promise<DigestSubscription> {
    const [row] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.workspace_id = $1 AND s.user_id = $2`, [workspaceId, userId]);
    return (
      row ?? { id: null, email: null, ...MEMBER_DEFAULT, cadence: DigestCadence.OFF, filter: null, viewId: null, confirmed: true, unsubscribed: false, coveredUntil: null }
    );
  }

  /** In the caller's transaction when given one. */
  async ensureMemberDefault(workspaceId: string, userId: string, m: EntityManager | DataSource = this.dataSource): Promise<void> {
    const [user] = await m.query('SELECT locale FROM users WHERE id = $1', [userId]);
    await m.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, hour, weekday, time_zone, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workspace_id, user_id) WHERE user_id IS NOT NULL DO NOTHING`,
      [randomUUID(), workspaceId, userId, MEMBER_DEFAULT.cadence, MEMBER_DEFAULT.hour, MEMBER_DEFAULT.weekday, MEMBER_DEFAULT.timeZone, user?.locale ?? 'en'],
    );
  }

  /** A member's own choice; choosing again after unsubscribing subscribes again. */
  async updateMine(caller: Caller, userId: string, input: DigestScheduleInput): Promise<DigestSubscription> {
    checkSchedule(input);
    await this.dataSource.transaction(async (m) => {
      await this.ensureMemberDefault(caller.workspaceId, userId, m);
      const [before] = await m.query(`SELECT ${SCHEDULE} FROM digest_subscriptions s WHERE s.workspace_id = $1 AND s.user_id = $2 FOR UPDATE`, [caller.workspaceId, userId]);
      const [after] = await returningRows<Record<string, unknown>>(
        m,
        `UPDATE digest_subscriptions s SET cadence = COALESCE($3, cadence), hour = COALESCE($4, hour), weekday = COALESCE($5, weekday),
           time_zone = COALESCE($6, time_zone), locale = COALESCE($7, locale), unsubscribed_at = NULL
         WHERE workspace_id = $1 AND user_id = $2 RETURNING ${SCHEDULE}, s.id`,
        [caller.workspaceId, userId, input.cadence ?? null, input.hour ?? null, input.weekday ?? null, input.timeZone ?? null, input.locale ?? null],
      );
      const { id, ...schedule } = after;
      await this.activity.record(m, caller, { verb: 'digest_subscription.updated', subjectType: 'DigestSubscription', subjectId: id as string, before: { ...before, userId }, after: { ...schedule, userId } });
    });
    return this.mine(caller.workspaceId, userId);
  }

  recipients(caller: Caller): Promise<DigestSubscription[]> {
    return this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.workspace_id = $1 AND s.email IS NOT NULL ORDER BY s.created_at`, [
      caller.workspaceId,
    ]);
  }

  /** An outside recipient: nothing is sent to them until they confirm by the emailed link. */
  async addRecipient(caller: Caller, input: DigestScheduleInput & { email: string; filter?: CommitmentFilter | null; viewId?: string | null }): Promise<DigestSubscription> {
    const violation = checkEmail(input.email);
    if (violation) throw DomainError.badInput([violation]);
    if (input.filter && input.viewId) throw DomainError.badInput([{ field: 'viewId', message: 'Give a filter or a view to follow, not both' }]);
    checkSchedule(input);
    const email = normalizeEmail(input.email);
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const row = {
      email, cadence: input.cadence ?? DigestCadence.WEEKLY, hour: input.hour ?? MEMBER_DEFAULT.hour, weekday: input.weekday ?? 1,
      timeZone: input.timeZone ?? 'UTC', locale: input.locale ?? 'en', filter: input.filter ?? null, viewId: input.viewId ?? null,
    };
    await this.dataSource.transaction(async (m) => {
      // Only a shared view: a private one is its owner's alone (NOT_FOUND to anyone else, as everywhere).
      if (row.viewId && !(await m.query('SELECT 1 FROM saved_views WHERE workspace_id = $1 AND id = $2 AND shared FOR SHARE', [caller.workspaceId, row.viewId])).length) {
        throw DomainError.notFound('Shared view', row.viewId, 'viewId');
      }
      const inserted = await m.query(
        `INSERT INTO digest_subscriptions (id, workspace_id, email, cadence, hour, weekday, time_zone, locale, filter, view_id, confirm_token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING id`,
        [id, caller.workspaceId, email, row.cadence, row.hour, row.weekday, row.timeZone, row.locale, row.filter ? JSON.stringify(row.filter) : null, row.viewId, hash,
          caller.actor.type === 'USER' ? caller.actor.id : null],
      );
      if (!inserted.length) throw DomainError.conflict(`${email} already receives digests of this workspace`, { field: 'email' });
      await this.activity.record(m, caller, { verb: 'digest_recipient.added', subjectType: 'DigestSubscription', subjectId: id, after: row });
    });
    const [workspace] = await this.dataSource.query('SELECT name FROM workspaces WHERE id = $1', [caller.workspaceId]);
    const t = digestMessages(input.locale ?? 'en');
    const link = `${this.config.publicUrl}/digests/confirm?token=${secret}`;
    await this.mail.send({
      to: email, subject: t.confirmSubject(workspace.name), text: t.confirmText(workspace.name, caller.actor.label, link),
      headers: { [WORKSPACE_MAIL_HEADER]: caller.workspaceId },
    });
    const [saved] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.id = $1`, [id]);
    return saved;
  }

  /** The first confirmation is recorded, by the recipient (their address as the actor); following the link again changes nothing. */
  async confirmRecipient(token: string): Promise<DigestSubscription> {
    const id = await this.dataSource.transaction(async (m) => {
      const [current] = await m.query(
        'SELECT id, workspace_id AS "workspaceId", email, confirmed_at IS NOT NULL AS confirmed FROM digest_subscriptions WHERE confirm_token_hash = $1 FOR UPDATE',
        [sha256(token)],
      );
      if (!current) throw DomainError.badInput([{ field: 'token', message: 'This confirmation link is not valid' }]);
      if (current.confirmed) return current.id as string;
      await m.query('UPDATE digest_subscriptions SET confirmed_at = now(), covered_until = now() WHERE id = $1', [current.id]);
      await this.activity.record(m, outsider(current.workspaceId, current.email), {
        verb: 'digest_recipient.confirmed', subjectType: 'DigestSubscription', subjectId: current.id, before: { email: current.email, confirmed: false }, after: { email: current.email, confirmed: true },
      });
      return current.id as string;
    });
    const [subscription] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.id = $1`, [id]);
    return subscription;
  }

  async removeRecipient(caller: Caller, subscriptionId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [removed] = await returningRows<{ email: string; confirmed: boolean }>(
        m,
        'DELETE FROM digest_subscriptions WHERE id = $1 AND workspace_id = $2 AND email IS NOT NULL RETURNING email, confirmed_at IS NOT NULL AS confirmed',
        [subscriptionId, caller.workspaceId],
      );
      if (!removed) throw DomainError.notFound('Digest recipient', subscriptionId, 'subscriptionId');
      await this.activity.record(m, caller, { verb: 'digest_recipient.removed', subjectType: 'DigestSubscription', subjectId: subscriptionId, before: removed });
    });
  }

  /** The one-click unsubscribe of a signed link: no sign-in needed. The first one is recorded, by the subscriber. */
  async unsubscribe(subscriptionId: string): Promise<{ email: string | null } | null> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT s.workspace_id AS "workspaceId", s.user_id AS "userId", COALESCE(s.email, u.email) AS email, u.name, s.unsubscribed_at IS NOT NULL AS unsubscribed
         FROM digest_subscriptions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = $1 FOR UPDATE OF s`,
        [subscriptionId],
      );
      if (!row) return null;
      if (!row.unsubscribed) {
        await m.query('UPDATE digest_subscriptions SET unsubscribed_at = now() WHERE id = $1', [subscriptionId]);
        const by = row.userId ? ({ workspaceId: row.workspaceId, actor: { type: 'USER', id: row.userId, label: row.name } } as Caller) : outsider(row.workspaceId, row.email);
        await this.activity.record(m, by, {
          verb: 'digest_subscription.unsubscribed', subjectType: 'DigestSubscription', subjectId: subscriptionId,
          before: { unsubscribed: false, ...(row.userId ? { userId: row.userId } : { email: row.email }) },
          after: { unsubscribed: true, ...(row.userId ? { userId: row.userId } : { email: row.email }) },
        });
      }
      return { email: row.email as string | null };
    });
  }
}

/** An outside recipient acting by an emailed link: no account, their address as the label (rows only managers see). */
function outsider(workspaceId: string, email: string): Caller {
  return { workspaceId, actor: { type: 'ANONYMOUS', id: null, label: email } } as Caller;
}
