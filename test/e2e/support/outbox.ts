// The mail the API wrote to its outbox, read as a person reads their inbox: newest first, by address.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

async function readAll(dir: string): Promise<OutboxMail[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  const mails: OutboxMail[] = [];
  for (const f of files) {
    const parsed = await simpleParser(readFileSync(join(dir, f)));
    const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
    mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
  }
  return mails;
}

/** Waits for the newest mail to `address` whose text has a link to `path`, and returns that link. */
export async function linkMailedTo(dir: string, address: string, path: string, timeoutMs = 15_000): Promise<{ link: string; mail: OutboxMail }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await readAll(dir)).filter((m) => m.to.toLowerCase().includes(address.toLowerCase())).reverse();
    for (const mail of mails) {
      const link = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === path);
      if (link) return { link, mail };
    }
    if (Date.now() > until) throw new Error(`no mail to ${address} with a ${path} link in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
