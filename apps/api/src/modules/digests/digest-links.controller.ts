import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { DomainError } from '@pactwatch/domain';
import type { Response } from 'express';
import { SecretsService } from '../auth/secrets.service';
import { digestMessages, DigestMessages } from './digest-messages';
import { escapeHtml } from './digest-renderer';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { verifyUnsubscribe } from './unsubscribe-token';

function page(res: Response, status: number, t: DigestMessages, body: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${t.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Pactwatch</title></head>` +
        `<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;">${body}</body></html>`,
    );
}

/**
 * The links of digest emails, answered without signing in. GET only shows a page with a button:
 * mail scanners follow links, and must not unsubscribe or confirm anyone. The button (and a mail
 * client's RFC 8058 one-click POST) does it.
 */
@Controller()
export class DigestLinksController {
  constructor(
    private readonly subscriptions: DigestSubscriptionsService,
    private readonly secrets: SecretsService,
  ) {}

  @Get('unsubscribe')
  async unsubscribePage(@Query('token') token: string, @Query('lang') lang: string, @Res() res: Response): Promise<void> {
    const t = digestMessages(lang);
    if (!verifyUnsubscribe(String(token ?? ''), await this.secrets.named('unsubscribe'))) return page(res, 400, t, `<p>${t.invalidLink}</p>`);
    page(res, 200, t, `<form method="post"><p>${t.unsubscribeQuestion}</p><button type="submit">${t.unsubscribeButton}</button></form>`);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  async unsubscribe(@Query('token') token: string, @Query('lang') lang: string, @Res() res: Response): Promise<void> {
    const t = digestMessages(lang);
    const id = verifyUnsubscribe(String(token ?? ''), await this.secrets.named('unsubscribe'));
    const done = id ? await this.subscriptions.unsubscribe(id) : null;
    if (!done) return page(res, 400, t, `<p>${t.invalidLink}</p>`);
    page(res, 200, t, `<p>${escapeHtml(t.unsubscribedPage(done.email))}</p>`);
  }

  @Get('digests/confirm')
  confirmPage(@Query('lang') lang: string, @Res() res: Response): void {
    const t = digestMessages(lang);
    page(res, 200, t, `<form method="post"><p>${t.confirmQuestion}</p><button type="submit">${t.confirmButton}</button></form>`);
  }

  @Post('digests/confirm')
  @HttpCode(200)
  async confirm(@Query('token') token: string, @Query('lang') lang: string, @Res() res: Response): Promise<void> {
    const t = digestMessages(lang);
    try {
      await this.subscriptions.confirmRecipient(String(token ?? ''));
      page(res, 200, t, `<p>${t.confirmedPage}</p>`);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      page(res, 400, t, `<p>${t.invalidLink}</p>`);
    }
  }
}
