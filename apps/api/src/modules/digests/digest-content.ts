/** What one digest reports, grouped by agreement then commitment, before it becomes an email. */
export interface DigestItem {
  kind: 'STATUS' | 'PROGRESS' | 'SOURCE' | 'FIGURE' | 'MENTION';
  at: Date;
  actor: string;
  // STATUS, and PROGRESS (a progress note: `to` is the status it left as it was, `from` null)
  /** The day the change happened (YYYY-MM-DD); absent on changes recorded before it was kept. */
  occurredOn?: string | null;
  from?: string | null;
  to?: string;
  note?: string;
  evidence?: { title: string; url: string | null }[];
  // SOURCE
  source?: { title: string; url: string | null; publisher: string | null };
  // FIGURE
  figure?: { name: string; unit: string; from: number | null; to: number; asOf: string };
  // MENTION: the comment the recipient was @mentioned in (actor: its author)
  mention?: { text: string };
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
  workspaceName: string;
  windowStart: Date;
  windowEnd: Date;
  agreements: DigestAgreement[];
  counts: { statusChanges: number; progressNotes: number; newSources: number; figuresMoved: number; mentions: number };
}

export function itemCount(content: DigestContent): number {
  return content.counts.statusChanges + content.counts.progressNotes + content.counts.newSources + content.counts.figuresMoved + content.counts.mentions;
}
