import { DigestContent, DigestItem, DigestSource, inHistoryOrder, itemCount } from './digest-content';
import { digestMessages, DigestMessages } from './digest-messages';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  locale: string;
  timeZone: string;
  publicUrl: string;
  unsubscribeUrl: string;
}

/** Every value a person typed is escaped: a note with <script> arrives as text. */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // Most values need nothing: one scan instead of five replaces.
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ENTITIES[c]) : text;
}
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Only plain web addresses become links. */
function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function subjectParts(content: DigestContent, t: DigestMessages): string[] {
  const { statusChanges, progressNotes, newSources, figuresMoved, mentions, assignments, reminders } = content.counts;
  return [
    reminders ? t.reminders(reminders) : null,
    assignments ? t.assignments(assignments) : null,
    mentions ? t.mentions(mentions) : null,
    statusChanges ? t.statusChanges(statusChanges) : null,
    progressNotes ? t.progressNotes(progressNotes) : null,
    newSources ? t.newSources(newSources) : null,
    figuresMoved ? t.figuresMoved(figuresMoved) : null,
  ].filter((p): p is string => p !== null);
}

/** A reminder's line: due on which day, or overdue since it. */
function reminderText(item: DigestItem, t: DigestMessages, f: Formatters): string {
  const day = item.dueOn ? f.day(item.dueOn) : '';
  return item.kind === 'OVERDUE' ? t.overdueSince(day) : t.dueOn(day);
}

interface Formatters {
  date(d: Date): string;
  day(iso: string): string;
  number(n: number): string;
}

const SECOND = 1000;
const FORMATTERS_KEPT = 200;
const formattersOf = new Map<string, Formatters>();

/**
 * The recipient's formatters, made once per locale and time zone: an Intl formatter costs far more
 * to make than to use (and holds native memory until it is collected), and a run renders thousands
 * of digests in a handful of locales and zones. Instants show no seconds, so each is remembered
 * per second (every zone offset is whole seconds); days per day. Both caches are bounded.
 */
function formatters(o: RenderOptions): Formatters {
  const key = `${o.locale}|${o.timeZone}`;
  let f = formattersOf.get(key);
  if (!f) {
    const date = new Intl.DateTimeFormat(o.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: o.timeZone });
    const number = new Intl.NumberFormat(o.locale);
    // A calendar day has no time zone: it is shown as the day it is, whatever the recipient's zone.
    const day = new Intl.DateTimeFormat(o.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dates = new Map<number, string>();
    const days = new Map<string, string>();
    f = {
      date: (d) => remembered(dates, Math.floor(d.getTime() / SECOND), (s) => date.format(s * SECOND)),
      day: (iso) => remembered(days, iso, (i) => day.format(new Date(`${i}T00:00:00Z`))),
      number: (n) => number.format(n),
    };
    if (formattersOf.size >= FORMATTERS_KEPT) formattersOf.clear();
    formattersOf.set(key, f);
  }
  return f;
}

function remembered<K>(cache: Map<K, string>, key: K, make: (key: K) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, (value = make(key)));
  }
  return value;
}

/** Old → new status, in the recipient's words; a progress note and the status it was noted under. */
function statusMove(item: DigestItem, t: DigestMessages, arrow: string): string {
  if (item.kind === 'PROGRESS') return `${t.progressNote} · ${t.status[item.to ?? ''] ?? item.to}`;
  return `${item.from ? `${t.status[item.from] ?? item.from}${arrow}` : ''}${t.status[item.to ?? ''] ?? item.to}`;
}

/** The day a status change happened ("on Mar 1, 2024"), when the log has it. */
function statusOn(item: DigestItem, t: DigestMessages, f: Formatters): string {
  return item.occurredOn ? t.happenedOn(f.day(item.occurredOn)) : '';
}

/** Who recorded a status change, and when (in the recipient's time zone). */
function statusBy(item: DigestItem, t: DigestMessages, f: Formatters): string {
  return `${item.kind === 'PROGRESS' ? t.progressNotedBy(item.actor) : t.statusChangedBy(item.actor)}, ${f.date(item.at)}`;
}

const reasonOf = (item: DigestItem, t: DigestMessages) => (item.reasonCode ? t.reason(t.reasons[item.reasonCode] ?? item.reasonCode) : '');
const stanceOf = (source: DigestSource, t: DigestMessages) => t.stances[source.stance] ?? source.stance;

function itemText(item: DigestItem, t: DigestMessages, f: Formatters): string[] {
  if (item.kind === 'STATUS' || item.kind === 'PROGRESS') {
    const on = statusOn(item, t, f);
    const lines = [`  ${statusMove(item, t, ' → ')}${on ? ` ${on}` : ''} (${statusBy(item, t, f)})`];
    if (item.reasonCode) lines.push(`    ${reasonOf(item, t)}`);
    if (item.note) lines.push(`    “${item.note}”`);
    for (const e of item.evidence ?? []) lines.push(`    - ${e.title} (${stanceOf(e, t)})${e.url ? ` <${e.url}>` : ''}`);
    return lines;
  }
  if (item.kind === 'ASSIGNED') return [`  ${t.assignedBy(item.actor)} (${f.date(item.at)})`];
  if (item.kind === 'DUE_SOON' || item.kind === 'OVERDUE') return [`  ! ${reminderText(item, t, f)}`];
  if (item.kind === 'MENTION' && item.mention) {
    return [`  @ ${t.mentionedBy(item.actor)} (${f.date(item.at)}):`, ...item.mention.text.split('\n').map((line) => `    > ${line}`)];
  }
  if (item.kind === 'SOURCE' && item.source) {
    const about = [item.source.publisher, stanceOf(item.source, t)].filter(Boolean).join('; ');
    return [`  ${t.newSource}: ${item.source.title} (${about})${item.source.url ? ` <${item.source.url}>` : ''}`];
  }
  const fig = item.figure;
  if (!fig) return [];
  return [`  ${t.figure}: ${fig.name}: ${fig.from === null ? '' : `${f.number(fig.from)} → `}${f.number(fig.to)} ${fig.unit} (${fig.asOf})`];
}

const MUTED = 'color:#57606a;';

/** A source's stance beside its title: a small label, red when it contradicts. */
function stanceHtml(source: DigestSource, t: DigestMessages): string {
  const color = source.stance === 'CONTRADICTS' ? '#b42318' : '#57606a';
  return `<span style="font-size:12px;color:${color};">&middot; ${escapeHtml(stanceOf(source, t))}</span>`;
}

function itemHtml(item: DigestItem, t: DigestMessages, f: Formatters): string {
  const cell = 'padding:4px 0 8px 0;font-size:14px;line-height:1.45;color:#1b1f24;';
  if (item.kind === 'STATUS' || item.kind === 'PROGRESS') {
    const move = item.kind === 'PROGRESS'
      ? `${escapeHtml(t.progressNote)} &middot; ${escapeHtml(t.status[item.to ?? ''] ?? item.to)}`
      : item.from
      ? `${escapeHtml(t.status[item.from] ?? item.from)} &rarr; ${escapeHtml(t.status[item.to ?? ''] ?? item.to)}`
      : escapeHtml(t.status[item.to ?? ''] ?? item.to);
    const on = statusOn(item, t, f);
    const evidence = (item.evidence ?? [])
      .map((e) => {
        const url = safeUrl(e.url);
        return `<li>${url ? `<a href="${escapeHtml(url)}" style="color:#1c5db5;">${escapeHtml(e.title)}</a>` : escapeHtml(e.title)} ${stanceHtml(e, t)}</li>`;
      })
      .join('');
    return `<tr><td style="${cell}"><strong>${move}</strong>${on ? ` ${escapeHtml(on)}` : ''}
      <span style="${MUTED}">&middot; ${escapeHtml(statusBy(item, t, f))}</span>
      ${item.reasonCode ? `<div style="margin:4px 0;${MUTED}">${escapeHtml(reasonOf(item, t))}</div>` : ''}
      ${item.note ? `<div style="margin:4px 0;padding-left:8px;border-left:3px solid #d0d7de;">${escapeHtml(item.note)}</div>` : ''}
      ${evidence ? `<ul style="margin:4px 0 0 18px;padding:0;">${evidence}</ul>` : ''}</td></tr>`;
  }
  if (item.kind === 'DUE_SOON' || item.kind === 'OVERDUE') {
    return `<tr><td style="${cell}"><strong>${escapeHtml(reminderText(item, t, f))}</strong></td></tr>`;
  }
  if (item.kind === 'ASSIGNED') {
    return `<tr><td style="${cell}"><strong>${escapeHtml(t.assignedBy(item.actor))}</strong> <span style="${MUTED}">&middot; ${escapeHtml(f.date(item.at))}</span></td></tr>`;
  }
  if (item.kind === 'MENTION' && item.mention) {
    return `<tr><td style="${cell}"><strong>@ ${escapeHtml(t.mentionedBy(item.actor))}</strong>
      <span style="color:#57606a;">&middot; ${escapeHtml(f.date(item.at))}</span>
      <div style="margin:4px 0;padding-left:8px;border-left:3px solid #1c5db5;white-space:pre-wrap;">${escapeHtml(item.mention.text)}</div></td></tr>`;
  }
  if (item.kind === 'SOURCE' && item.source) {
    const url = safeUrl(item.source.url);
    const title = url ? `<a href="${escapeHtml(url)}" style="color:#1c5db5;">${escapeHtml(item.source.title)}</a>` : escapeHtml(item.source.title);
    return `<tr><td style="${cell}">${escapeHtml(t.newSource)}: ${title}${item.source.publisher ? ` <span style="${MUTED}">(${escapeHtml(item.source.publisher)})</span>` : ''} ${stanceHtml(item.source, t)}</td></tr>`;
  }
  const fig = item.figure;
  if (!fig) return '';
  const from = fig.from === null ? '' : `${escapeHtml(f.number(fig.from))} &rarr; `;
  return `<tr><td style="${cell}">${escapeHtml(t.figure)}: ${escapeHtml(fig.name)}: <strong>${from}${escapeHtml(f.number(fig.to))}</strong> ${escapeHtml(fig.unit)} <span style="color:#57606a;">(${escapeHtml(fig.asOf)})</span></td></tr>`;
}

/**
 * The email of a digest: a subject that sums it up, a plain-text part, and table-based HTML with
 * inline styles (what common mail clients render reliably). A member's digest links each
 * commitment into the web client; an outside recipient's links nothing that needs a sign-in: only
 * the sources' own addresses and the unsubscribe link.
 */
export function renderDigest(content: DigestContent, o: RenderOptions): RenderedDigest {
  const t = digestMessages(o.locale);
  const f = formatters(o);
  const subject = t.subject(content.workspaceName, subjectParts(content, t));
  const intro = t.intro(content.workspaceName, f.date(content.windowStart), f.date(content.windowEnd));
  const member = content.audience === 'MEMBER';
  const link = (id: string) => `${o.publicUrl}/commitments/${id}`;
  const itemsOf = (c: { items: DigestItem[] }) => inHistoryOrder(c.items, o.timeZone);
  const footer = member ? t.footer(content.workspaceName) : t.footerOutside(content.workspaceName);

  const text = [
    intro,
    '',
    ...content.agreements.flatMap((a) => [
      `== ${a.title} ==`,
      ...(a.items?.length ? [...a.items.flatMap((i) => itemText(i, t, f)), ''] : []),
      ...a.commitments.flatMap((c) => [
        `* ${c.title} [${t.status[c.status] ?? c.status}]`,
        ...itemsOf(c).flatMap((i) => itemText(i, t, f)),
        ...(member ? [`  ${t.openInPactwatch}: ${link(c.id)}`] : []),
        '',
      ]),
    ]),
    '--',
    footer,
    `${t.unsubscribe}: ${o.unsubscribeUrl}`,
    '',
  ].join('\n');

  const sections = content.agreements
    .map(
      (a) => `<tr><td style="padding:16px 0 4px 0;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;">${escapeHtml(a.title)}</td></tr>
      ${(a.items ?? []).map((i) => itemHtml(i, t, f)).join('\n')}
      ${a.commitments
        .map(
          (c) => `<tr><td style="padding:8px 0 0 0;">${
            member
              ? `<a href="${escapeHtml(link(c.id))}" style="font-size:16px;font-weight:600;color:#1b1f24;text-decoration:none;">${escapeHtml(c.title)}</a>`
              : `<span style="font-size:16px;font-weight:600;color:#1b1f24;">${escapeHtml(c.title)}</span>`
          }
          <span style="font-size:12px;color:#57606a;">&nbsp;${escapeHtml(t.status[c.status] ?? c.status)}</span></td></tr>
          ${itemsOf(c).map((i) => itemHtml(i, t, f)).join('\n')}`,
        )
        .join('\n')}`,
    )
    .join('\n');

  const html = `<!doctype html>
<html lang="${escapeHtml(o.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f8fa;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f8fa;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #d0d7de;border-radius:8px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;">
<tr><td style="padding:20px 24px 8px 24px;font-size:20px;font-weight:700;color:#1b1f24;">${escapeHtml(content.workspaceName)}</td></tr>
<tr><td style="padding:0 24px;font-size:14px;color:#57606a;">${escapeHtml(intro)}</td></tr>
<tr><td style="padding:0 24px 16px 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">
${sections}
</table></td></tr>
<tr><td style="padding:12px 24px 20px 24px;border-top:1px solid #d0d7de;font-size:12px;color:#57606a;">${escapeHtml(footer)}
&middot; <a href="${escapeHtml(o.unsubscribeUrl)}" style="color:#57606a;">${escapeHtml(t.unsubscribe)}</a></td></tr>
</table></td></tr></table></body></html>`;

  return { subject, html, text };
}

export { itemCount };
