import { localParts } from '@pactwatch/domain';

/** What one digest reports, grouped by agreement then commitment, before it becomes an email. */
export interface DigestItem {
  kind: 'STATUS' | 'PROGRESS' | 'SOURCE' | 'FIGURE' | 'MENTION' | 'ASSIGNED' | 'DUE_SOON' | 'OVERDUE';
  at: Date;
  actor: string;
  // STATUS, and PROGRESS (a progress note: `to` is the status it left as it was, `from` null)
  /** The day the change happened (YYYY-MM-DD); absent on changes recorded before it was kept. */
  occurredOn?: string | null;
  from?: string | null;
  to?: string;
  /** Why it stalled or broke (a StatusReasonCode); null when none was given. */
  reasonCode?: string | null;
  note?: string;
  /** The sources cited, each with its stance (SUPPORTS, CONTRADICTS, CONTEXT). */
  evidence?: DigestSource[];
  // SOURCE
  source?: DigestSource & { publisher: string | null };
  // FIGURE
  figure?: { name: string; unit: string; from: number | null; to: number; asOf: string };
  // MENTION: the comment the recipient was @mentioned in (actor: its author)
  mention?: { text: string };
  // ASSIGNED: the commitment it sits under was assigned to the recipient (actor: who assigned it); nothing more
  /** DUE_SOON and OVERDUE: the due date the reminder is about (YYYY-MM-DD). */
  dueOn?: string;
}

export interface DigestSource {
  title: string;
  url: string | null;
  stance: string;
}

export interface DigestCommitment {
  id: string;
  title: string;
  status: string;
  items: DigestItem[];
}

export interface DigestAgreement {
  id: string;
  title: string;
  /** Items about the agreement itself (mentions in its comments). */
  items?: DigestItem[];
  commitments: DigestCommitment[];
}

export interface DigestContent {
  /**
   * Who it is for. An outside recipient (an address added by an admin, no account) gets no
   * comments or mentions and no links into the web client, which needs a sign-in.
   */
  audience: 'MEMBER' | 'OUTSIDE';
  workspaceName: string;
  windowStart: Date;
  windowEnd: Date;
  agreements: DigestAgreement[];
  counts: { statusChanges: number; progressNotes: number; newSources: number; figuresMoved: number; mentions: number; assignments: number; reminders: number };
}

export function itemCount(content: DigestContent): number {
  const c = content.counts;
  return c.statusChanges + c.progressNotes + c.newSources + c.figuresMoved + c.mentions + c.assignments + c.reminders;
}

const QUARTER_HOUR = 15 * 60_000;
const days = new Map<string, string>();

/**
 * The day (YYYY-MM-DD) an instant fell on in a time zone. Every offset in use today is a multiple of a
 * quarter hour, so a day starts on a quarter hour everywhere: the answer is remembered per zone and
 * quarter hour (Intl is slow for a digest's every item), a bounded number of them.
 */
export function dayIn(at: Date, timeZone: string): string {
  const key = `${timeZone} ${Math.floor(at.getTime() / QUARTER_HOUR)}`;
  let day = days.get(key);
  if (day === undefined) {
    const p = localParts(at, timeZone);
    day = `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    if (days.size >= 10_000) days.clear();
    days.set(key, day);
  }
  return day;
}

/**
 * A commitment's items in the order things happened, as its history orders them: a status change
 * at the day it happened (`occurredOn`, so a back-dated one goes before what was recorded since),
 * anything else at the day it was recorded where the recipient is; the same day by when it was
 * recorded, then in log order (the sort is stable).
 */
export function inHistoryOrder(items: DigestItem[], timeZone: string): DigestItem[] {
  const keyed = items.map((item) => ({ item, day: item.occurredOn ?? dayIn(item.at, timeZone) }));
  keyed.sort((a, b) => a.day.localeCompare(b.day) || a.item.at.getTime() - b.item.at.getTime());
  return keyed.map((k) => k.item);
}
