import type { AddressObject, EmailAddress } from 'mailparser';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';

/** What stands in the place of a link's token where others than its recipient read the mail. */
export const REDACTED_TOKEN = 'redacted';

// `token=` in a query string, as written in text, in HTML (after `&amp;`) and in headers.
const TOKEN_PARAMETER = /([?&;]token=)[^&\s"'<>#]+/gi;

/** The text with the value of every link's `token` parameter replaced. */
export function redactLinkTokens(text: string): string {
  return text.replace(TOKEN_PARAMETER, `$1${REDACTED_TOKEN}`);
}

// Written anew by the composer, or passed to it as addresses.
const COMPOSED_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'mime-version', 'from', 'to', 'cc', 'reply-to', 'date']);

const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

function addresses(found: AddressObject | AddressObject[] | undefined): EmailAddress[] | undefined {
  return found ? (Array.isArray(found) ? found : [found]).flatMap((a) => a.value) : undefined;
}

/**
 * The message again, the same to read (headers, subject, addresses, text and HTML), with no
 * working link token in it: decoded first, so that no transfer encoding hides a token from the
 * redaction, and encoded anew.
 */
export async function redactedMessage(raw: string): Promise<string> {
  const parsed = await simpleParser(raw);
  const headers = parsed.headerLines
    .filter((h) => !COMPOSED_HEADERS.has(h.key))
    .map((h) => {
      const colon = h.line.indexOf(':');
      const value = h.line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
      return { key: h.line.slice(0, colon), value: { prepared: true, value: redactLinkTokens(value) } };
    });
  const info = await composer.sendMail({
    from: addresses(parsed.from)?.[0],
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    date: parsed.date,
    headers,
    text: parsed.text === undefined ? undefined : redactLinkTokens(parsed.text),
    html: typeof parsed.html === 'string' ? redactLinkTokens(parsed.html) : undefined,
  });
  return (info.message as Buffer).toString('utf8');
}
