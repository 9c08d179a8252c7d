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

/** What the SMTP server answered when it took a message (its 250 line), and the message's Message-ID. */
export interface Acceptance {
  response: string;
  messageId: string;
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

  /** Resolves once the server has accepted the message (answered 250), with what it answered. */
  async send(mail: OutgoingMail): Promise<Acceptance> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    const acceptance = { response: String(info.response ?? ''), messageId: String(info.messageId ?? mail.messageId ?? '') };
    if (this.config.SMTP_URL) return acceptance;
    await mkdir(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await writeFile(file, info.message as Buffer);
    this.logger.log(`mail to ${mail.to} written to ${file}`);
    return { ...acceptance, response: `written to ${file}` };
  }
}
