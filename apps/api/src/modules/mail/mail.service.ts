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
  /**
   * How the text and HTML parts are encoded; by default nodemailer picks per part after scanning
   * it. `base64` skips the scans and encodes natively: cheaper to make for large messages
   * (digests), a quarter larger than quoted-printable on mostly-ASCII text.
   */
  textEncoding?: 'base64' | 'quoted-printable';
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
    // Pooled: a message goes over one of SMTP_POOL_SIZE open connections, not a connection of its own.
    // What the URL's query sets (pool, maxConnections, …) wins over these.
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, pool: true, maxConnections: config.SMTP_POOL_SIZE })
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
