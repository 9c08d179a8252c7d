import { FieldViolation } from './domain-error';
import { isIsoDate } from './iso-date';
import { characterCount } from './text-rules';
import { CommitmentStatus, EvidenceStance, StatusReasonCode } from './vocabulary';

/** Settling (or partly settling) a commitment is a claim that must be backed by evidence. */
export const EVIDENCE_REQUIRED_STATUSES: readonly CommitmentStatus[] = Object.freeze([
  CommitmentStatus.PARTIALLY_FULFILLED,
  CommitmentStatus.FULFILLED,
  CommitmentStatus.BROKEN,
]);

/** Statuses that describe something going wrong, so readers need to know why. */
export const REASON_REQUIRED_STATUSES: readonly CommitmentStatus[] = Object.freeze([
  CommitmentStatus.STALLED,
  CommitmentStatus.BROKEN,
]);

/**
 * The stances a settling move needs among its sources: fulfilling (wholly or partly) needs a source
 * that supports the commitment being kept; BROKEN needs one that does not (it contradicts it, or
 * gives context), so a verdict never rests only on sources that say the opposite.
 */
export const STANCES_THAT_BACK: Readonly<Partial<Record<CommitmentStatus, readonly EvidenceStance[]>>> = Object.freeze({
  [CommitmentStatus.PARTIALLY_FULFILLED]: Object.freeze([EvidenceStance.SUPPORTS]),
  [CommitmentStatus.FULFILLED]: Object.freeze([EvidenceStance.SUPPORTS]),
  [CommitmentStatus.BROKEN]: Object.freeze([EvidenceStance.CONTRADICTS, EvidenceStance.CONTEXT]),
});

/** Why sources of these stances do not back a move to `to`, or null when they do (or the move needs none). */
export function checkEvidenceStances(to: CommitmentStatus, stances: readonly EvidenceStance[]): FieldViolation | null {
  const backing = STANCES_THAT_BACK[to];
  if (!backing || stances.length === 0 || stances.some((s) => backing.includes(s))) return null;
  const wanted = backing.join(' or ');
  return {
    field: 'evidenceIds',
    message: `A move to ${to} needs at least one source whose stance is ${wanted}; the sources given are ${[...new Set(stances)].join(', ')}`,
  };
}

export const NOTE_MAX_LENGTH = 10000;

export interface StatusChange {
  from: CommitmentStatus;
  to: CommitmentStatus;
  note?: string | null;
  reasonCode?: StatusReasonCode | null;
  evidenceCount: number;
  /**
   * The stance of each source the change cites (those already recorded and the new ones), as far as
   * they are known: a move to PARTIALLY_FULFILLED, FULFILLED or BROKEN needs one that backs it
   * (STANCES_THAT_BACK).
   */
  evidenceStances: readonly EvidenceStance[];
}

const STATUSES: ReadonlySet<string> = new Set(Object.values(CommitmentStatus));
const REASON_CODES: ReadonlySet<string> = new Set(Object.values(StatusReasonCode));

/** Every reason the change is refused; an empty array means it is allowed. Any status may follow any other. */
export function checkStatusChange(change: StatusChange): FieldViolation[] {
  const { from, to, note, reasonCode, evidenceCount, evidenceStances } = change;
  const violations: FieldViolation[] = [];
  const toKnown = STATUSES.has(to);

  if (!STATUSES.has(from)) {
    violations.push({ field: 'status', message: `The current status ${String(from)} is not a known status` });
  }
  if (!toKnown) {
    violations.push({ field: 'status', message: `${String(to)} is not a known status` });
  } else if (from === to) {
    violations.push({ field: 'status', message: `The commitment is already ${to}` });
  }

  const needsEvidence = toKnown && EVIDENCE_REQUIRED_STATUSES.includes(to);
  const hasNote = typeof note === 'string' && note.trim() !== '';
  if (needsEvidence && !hasNote) {
    violations.push({ field: 'note', message: `A move to ${to} needs a note explaining it` });
  }
  if (typeof note === 'string' && characterCount(note) > NOTE_MAX_LENGTH) {
    violations.push({ field: 'note', message: `note must be at most ${NOTE_MAX_LENGTH} characters` });
  }
  // `>= 1` is false for NaN too, so a garbage count never passes.
  if (needsEvidence && !(evidenceCount >= 1)) {
    violations.push({ field: 'evidenceIds', message: `A move to ${to} needs at least one evidence link` });
  } else if (toKnown) {
    const mismatch = checkEvidenceStances(to, evidenceStances);
    if (mismatch) violations.push(mismatch);
  }

  const hasReason = reasonCode !== null && reasonCode !== undefined;
  if (hasReason && !REASON_CODES.has(reasonCode)) {
    violations.push({ field: 'reasonCode', message: `${String(reasonCode)} is not a known reason code` });
  } else if (toKnown && REASON_REQUIRED_STATUSES.includes(to)) {
    if (!hasReason) violations.push({ field: 'reasonCode', message: `A move to ${to} needs a reason code` });
  } else if (toKnown && hasReason) {
    violations.push({
      field: 'reasonCode',
      message: `A reason code is only allowed for a move to ${REASON_REQUIRED_STATUSES.join(' or ')}, not ${to}`,
    });
  }

  return violations;
}

/**
 * Why a progress note (a note with evidence that leaves the status as it was) is refused: it needs
 * a note that says what happened, within NOTE_MAX_LENGTH. Sources are welcome but not required.
 */
export function checkProgressNote(note: string | null | undefined): FieldViolation[] {
  if (typeof note !== 'string' || note.trim() === '') return [{ field: 'note', message: 'A progress note needs a note saying what happened' }];
  if (characterCount(note) > NOTE_MAX_LENGTH) return [{ field: 'note', message: `note must be at most ${NOTE_MAX_LENGTH} characters` }];
  return [];
}

/**
 * Past due and not settled. FULFILLED and BROKEN are settled; PARTIALLY_FULFILLED still owes something.
 * Due today is not overdue. Dates are ISO `YYYY-MM-DD`, which compare correctly as strings.
 */
export function isOverdue(c: { status: CommitmentStatus; dueOn: string | null }, today: string): boolean {
  // A malformed date would make the string comparison silently wrong, so fail loudly instead.
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${String(today)}`);
  if (c.dueOn === null || c.dueOn === undefined) return false;
  if (!isIsoDate(c.dueOn)) throw new RangeError(`dueOn must be a YYYY-MM-DD date, got ${String(c.dueOn)}`);
  if (c.status === CommitmentStatus.FULFILLED || c.status === CommitmentStatus.BROKEN) return false;
  return c.dueOn < today;
}

/** Today's date in UTC as `YYYY-MM-DD`, so the server and every browser agree on "today". */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The earliest day a status change may be dated. */
export const OCCURRED_ON_MIN = '1900-01-01';

/**
 * The latest day a status change may be dated: today wherever it is already today (UTC+14), so an
 * analyst east of UTC is never refused their own today, and tomorrow is refused everywhere once no
 * time zone has reached it yet.
 */
export function latestOccurredOn(now: Date = new Date()): string {
  return todayIso(new Date(now.getTime() + 14 * 3600 * 1000));
}

/** Why a status change cannot be dated `occurredOn` (a YYYY-MM-DD day), or null when it can. */
export function checkOccurredOn(occurredOn: string, now: Date = new Date()): FieldViolation | null {
  if (!isIsoDate(occurredOn)) return { field: 'occurredOn', message: 'occurredOn must be a date in the form YYYY-MM-DD' };
  if (occurredOn < OCCURRED_ON_MIN) return { field: 'occurredOn', message: `occurredOn cannot be before ${OCCURRED_ON_MIN}` };
  if (occurredOn > latestOccurredOn(now)) return { field: 'occurredOn', message: 'occurredOn cannot be in the future' };
  return null;
}
