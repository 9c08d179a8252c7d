import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A fixed Message-ID, so that a message can be recognised wherever it lands. */
  messageId?: string;
}

/** Names the workspace that sent a message, so that its outbox lists that mail and no other. */
export const WORKSPACE_MAIL_HEADER = 'X-Pactwatch-Workspace';

/**
 * Sends through SMTP_URL; without one, each message is written as an .eml file to
 * DATA_DIR/outbox, so that the embedded default works with no mail server.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  readonly outboxDir: string;

  constructor(private readonly config: AppConfig) {
    this.outboxDir = resolve(config.DATA_DIR, 'outbox');
    this.transport = config.SMTP_URL
      ? createTransport(`${config.SMTP_URL}${config.SMTP_URL.includes('?') ? '&' : '?'}pool=true`)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Pooled SMTP connections would otherwise stay open after the API stops. */
  onModuleDestroy(): void {
    this.transport.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    if (this.config.SMTP_URL) return;
    await mkdir(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(file, info.message as Buffer);
    this.logger.log(`mail to ${mail.to} written to ${file}`);
  }
}
