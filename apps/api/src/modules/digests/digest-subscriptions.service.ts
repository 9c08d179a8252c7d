import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkEmail, DigestCadence, DomainError, isTimeZone, normalizeEmail } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Caller } from '../../common/context/gql-context';
import { returningRows } from '../../common/sql/returning-rows';
import { newSecret, sha256 } from '../auth/tokens';
import { MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { DigestSubscription } from './digest.models';
import { DigestScheduleInput } from './dto/digest.inputs';
import { digestMessages } from './digest-messages';

const SUBSCRIPTION = `s.id, s.email, s.cadence, s.hour, s.weekday, s.time_zone AS "timeZone", s.locale, s.filter,
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
  ) {}

  async mine(workspaceId: string, userId: string): Promise<DigestSubscription> {
    const [row] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.workspace_id = $1 AND s.user_id = $2`, [workspaceId, userId]);
    return (
      row ?? { id: null, email: null, ...MEMBER_DEFAULT, cadence: DigestCadence.OFF, filter: null, confirmed: true, unsubscribed: false, coveredUntil: null }
    );
  }

  async ensureMemberDefault(workspaceId: string, userId: string): Promise<void> {
    const [user] = await this.dataSource.query('SELECT locale FROM users WHERE id = $1', [userId]);
    await this.dataSource.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, user_id, cadence, hour, weekday, time_zone, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workspace_id, user_id) WHERE user_id IS NOT NULL DO NOTHING`,
      [randomUUID(), workspaceId, userId, MEMBER_DEFAULT.cadence, MEMBER_DEFAULT.hour, MEMBER_DEFAULT.weekday, MEMBER_DEFAULT.timeZone, user?.locale ?? 'en'],
    );
  }

  /** A member's own choice; choosing again after unsubscribing subscribes again. */
  async updateMine(caller: Caller, userId: string, input: DigestScheduleInput): Promise<DigestSubscription> {
    checkSchedule(input);
    await this.ensureMemberDefault(caller.workspaceId, userId);
    await this.dataSource.query(
      `UPDATE digest_subscriptions SET cadence = COALESCE($3, cadence), hour = COALESCE($4, hour), weekday = COALESCE($5, weekday),
         time_zone = COALESCE($6, time_zone), locale = COALESCE($7, locale), unsubscribed_at = NULL
       WHERE workspace_id = $1 AND user_id = $2`,
      [caller.workspaceId, userId, input.cadence ?? null, input.hour ?? null, input.weekday ?? null, input.timeZone ?? null, input.locale ?? null],
    );
    return this.mine(caller.workspaceId, userId);
  }

  recipients(caller: Caller): Promise<DigestSubscription[]> {
    return this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.workspace_id = $1 AND s.email IS NOT NULL ORDER BY s.created_at`, [
      caller.workspaceId,
    ]);
  }

  /** An outside recipient: nothing is sent to them until they confirm by the emailed link. */
  async addRecipient(caller: Caller, input: DigestScheduleInput & { email: string; filter?: CommitmentFilter | null }): Promise<DigestSubscription> {
    const violation = checkEmail(input.email);
    if (violation) throw DomainError.badInput([violation]);
    checkSchedule(input);
    const email = normalizeEmail(input.email);
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const inserted = await this.dataSource.query(
      `INSERT INTO digest_subscriptions (id, workspace_id, email, cadence, hour, weekday, time_zone, locale, filter, confirm_token_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
      [id, caller.workspaceId, email, input.cadence ?? DigestCadence.WEEKLY, input.hour ?? MEMBER_DEFAULT.hour, input.weekday ?? 1,
        input.timeZone ?? 'UTC', input.locale ?? 'en', input.filter ? JSON.stringify(input.filter) : null, hash,
        caller.actor.type === 'USER' ? caller.actor.id : null],
    );
    if (!inserted.length) throw DomainError.conflict(`${email} already receives digests of this workspace`, { field: 'email' });
    const [workspace] = await this.dataSource.query('SELECT name FROM workspaces WHERE id = $1', [caller.workspaceId]);
    const t = digestMessages(input.locale ?? 'en');
    const link = `${this.config.publicUrl}/digests/confirm?token=${secret}`;
    await this.mail.send({
      to: email, subject: t.confirmSubject(workspace.name), text: t.confirmText(workspace.name, caller.actor.label, link),
      headers: { [WORKSPACE_MAIL_HEADER]: caller.workspaceId },
    });
    const [row] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.id = $1`, [id]);
    return row;
  }

  async confirmRecipient(token: string): Promise<DigestSubscription> {
    const [row] = await returningRows<{ id: string }>(
      this.dataSource,
      `UPDATE digest_subscriptions SET confirmed_at = COALESCE(confirmed_at, now()), covered_until = CASE WHEN confirmed_at IS NULL THEN now() ELSE covered_until END
       WHERE confirm_token_hash = $1 RETURNING id`,
      [sha256(token)],
    );
    if (!row) throw DomainError.badInput([{ field: 'token', message: 'This confirmation link is not valid' }]);
    const [subscription] = await this.dataSource.query(`SELECT ${SUBSCRIPTION} FROM digest_subscriptions s WHERE s.id = $1`, [row.id]);
    return subscription;
  }

  async removeRecipient(caller: Caller, subscriptionId: string): Promise<void> {
    const rows = await returningRows(this.dataSource, 'DELETE FROM digest_subscriptions WHERE id = $1 AND workspace_id = $2 AND email IS NOT NULL RETURNING id', [
      subscriptionId,
      caller.workspaceId,
    ]);
    if (!rows.length) throw DomainError.notFound('Digest recipient', subscriptionId, 'subscriptionId');
  }

  /** The one-click unsubscribe of a signed link: no sign-in needed. */
  async unsubscribe(subscriptionId: string): Promise<{ email: string | null } | null> {
    const [row] = await returningRows<{ email: string | null }>(
      this.dataSource,
      `UPDATE digest_subscriptions s SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE id = $1
       RETURNING COALESCE(s.email, (SELECT email FROM users WHERE id = s.user_id)) AS email`,
      [subscriptionId],
    );
    return row ?? null;
  }
}
