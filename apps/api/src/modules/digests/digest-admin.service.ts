import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Caller } from '../../common/context/gql-context';
import { SecretsService } from '../auth/secrets.service';
import { MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { redactedMessage } from '../mail/redact-links';
import { DigestBuilderService, scopeOf } from './digest-builder.service';
import { itemCount } from './digest-content';
import { DigestDelivery, DigestPreview, DigestRunResult, OutboxMessage } from './digest.models';
import { renderDigest } from './digest-renderer';
import { DigestRunnerService } from './digest-runner.service';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { signUnsubscribe } from './unsubscribe-token';

@Injectable()
export class DigestAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: DigestBuilderService,
    private readonly runner: DigestRunnerService,
    private readonly subscriptions: DigestSubscriptionsService,
    private readonly mail: MailService,
    private readonly secrets: SecretsService,
    private readonly config: AppConfig,
  ) {}

  /** What the member's next digest would hold if it went out now. */
  async preview(caller: Caller, userId: string): Promise<DigestPreview> {
    const subscription = await this.subscriptions.mine(caller.workspaceId, userId);
    const end = new Date();
    const start = subscription.coveredUntil ? new Date(subscription.coveredUntil) : new Date(end.getTime() - 7 * 86400_000);
    const window = await this.builder.loadWindow(caller.workspaceId, start, end);
    const scope = (await this.builder.memberScopes(caller.workspaceId, [userId])).get(userId) ?? scopeOf([], false);
    const content = await this.builder.content(window, scope);
    const token = subscription.id ? signUnsubscribe(subscription.id, await this.secrets.named('unsubscribe')) : 'preview';
    const rendered = renderDigest(content, {
      locale: subscription.locale,
      timeZone: subscription.timeZone,
      publicUrl: this.config.publicUrl,
      unsubscribeUrl: `${this.config.publicUrl}/unsubscribe?token=${token}`,
    });
    return { ...rendered, itemCount: itemCount(content), windowStart: start, windowEnd: end };
  }

  run(caller: Caller): Promise<DigestRunResult> {
    return this.runner.runOnce(new Date(), caller.workspaceId);
  }

  deliveries(caller: Caller, first: number): Promise<DigestDelivery[]> {
    return this.dataSource.query(
      `SELECT d.id, d.subscription_id AS "subscriptionId", COALESCE(s.email, u.email) AS recipient, d.window_start AS "windowStart",
              d.period_end AS "periodEnd", d.status, d.attempts, d.last_error AS "lastError", d.item_count AS "itemCount",
              d.finished_at AS "finishedAt", d.accepted_at AS "acceptedAt", d.smtp_response AS "smtpResponse", d.message_id AS "messageId",
              d.created_at AS "createdAt"
       FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id LEFT JOIN users u ON u.id = s.user_id
       WHERE d.workspace_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [caller.workspaceId, Math.min(Math.max(first, 1), 100)],
    );
  }

  /**
   * The local outbox is one folder for the whole installation, so only the messages this
   * workspace sent are listed. Not mail to an address it names: any admin can name any address
   * (an invitation, a digest recipient) and would read that person's mail from other
   * workspaces, password resets included. Each message is shown without the tokens of its links
   * (invitations, digest confirmations, unsubscribes): a link is its recipient's alone, and the
   * admin who reads the outbox could otherwise follow it in their place. The files keep them.
   */
  async outbox(caller: Caller, first: number): Promise<OutboxMessage[]> {
    const files = (await readdir(this.mail.outboxDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse();
    const messages: OutboxMessage[] = [];
    for (const file of files) {
      if (messages.length >= Math.min(Math.max(first, 1), 100)) break;
      const raw = await readFile(join(this.mail.outboxDir, file), 'utf8');
      const parsed = await simpleParser(raw);
      if (parsed.headers.get(WORKSPACE_MAIL_HEADER.toLowerCase()) !== caller.workspaceId) continue;
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).join(', ');
      messages.push({ file, to, subject: parsed.subject ?? '', date: parsed.date ?? new Date(0), raw: await redactedMessage(raw) });
    }
    return messages;
  }
}
