import { FieldViolation } from './domain-error';
import { isIsoDate } from './iso-date';
import { CommitmentStatus } from './vocabulary';
import { isOverdue } from './status-rules';

/** Most members one commitment may have assigned (Commitment.assignees declares the same bound). */
export const MAX_ASSIGNEES_PER_COMMITMENT = 20;

/** How far ahead "due soon" looks in My work, in days, today included. */
export const DUE_SOON_DAYS = 14;

/** Refuses one more assignee for a commitment that already has `count`; null while there is room. */
export function checkAssigneeCount(field: string, count: number): FieldViolation | null {
  return count >= MAX_ASSIGNEES_PER_COMMITMENT
    ? { field, message: `${field}: a commitment has at most ${MAX_ASSIGNEES_PER_COMMITMENT} assignees; unassign someone first` }
    : null;
}

export enum WorkGroup {
  OVERDUE = 'OVERDUE',
  DUE_SOON = 'DUE_SOON',
  LATER = 'LATER',
}

/** The day `days` after an ISO date, as an ISO date (UTC, so no daylight-saving gaps). */
export function addDaysIso(day: string, days: number): string {
  if (!isIsoDate(day)) throw new RangeError(`day must be a YYYY-MM-DD date, got ${String(day)}`);
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Where a commitment goes in My work: overdue (isOverdue's rule), due within the next
 * DUE_SOON_DAYS days (today up to today + 13, and not yet fulfilled or broken), or the rest
 * (no date, later, or closed).
 */
export function workGroupOf(c: { status: CommitmentStatus; dueOn: string | null }, today: string): WorkGroup {
  if (isOverdue(c, today)) return WorkGroup.OVERDUE;
  const closed = c.status === CommitmentStatus.FULFILLED || c.status === CommitmentStatus.BROKEN;
  if (!closed && c.dueOn !== null && c.dueOn < addDaysIso(today, DUE_SOON_DAYS)) return WorkGroup.DUE_SOON;
  return WorkGroup.LATER;
}

/** Commitments split into My work's groups, each in the order given. */
export function groupWork<T extends { status: CommitmentStatus; dueOn: string | null }>(items: readonly T[], today: string): Record<WorkGroup, T[]> {
  const groups: Record<WorkGroup, T[]> = { OVERDUE: [], DUE_SOON: [], LATER: [] };
  for (const item of items) groups[workGroupOf(item, today)].push(item);
  return groups;
}
