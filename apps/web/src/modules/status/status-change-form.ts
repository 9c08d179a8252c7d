import { checkOccurredOn, checkProgressNote, checkStatusChange, CommitmentStatus, EvidenceStance, isIsoDate, OCCURRED_ON_MIN, REASON_REQUIRED_STATUSES, StatusReasonCode } from '@pactwatch/domain';
import { localToday } from '../ui/local-today';
import { checkDraft, DraftProblems, EvidenceDraft, isBlankDraft, toNewEvidenceInput } from '../evidence/evidence-draft';

/** The commitment as the analyst read it: the version a save expects, and what a conflict compares with. */
export interface CommitmentSnapshot {
  id: string;
  version: number;
  status: CommitmentStatus;
  title: string;
  dueOn: string | null;
  priority: string;
}

/** A source already on the commitment, which the change can cite. */
export interface ExistingSource {
  id: string;
  title: string;
  stance: `${EvidenceStance}`;
}

/** The newest entry of the status history, as the page last loaded it. */
export interface LatestChange {
  actor: string;
  to: CommitmentStatus;
  note: string;
  createdAt: string;
  commitmentVersion: number;
}

export interface ConflictFacts {
  currentVersion: number;
  current: Partial<Omit<CommitmentSnapshot, 'id' | 'version'>>;
}

/** The dialog's choice that records a progress note and leaves the status as it is. */
export const PROGRESS = 'PROGRESS';

export interface StatusChangeForm {
  /** A new status, PROGRESS for a progress note without a move, or '' before choosing. */
  to: CommitmentStatus | typeof PROGRESS | '';
  note: string;
  reasonCode: StatusReasonCode | '';
  evidenceIds: string[];
  newEvidence: EvidenceDraft[];
  /** The day it happened (YYYY-MM-DD); empty means today. */
  occurredOn: string;
}

export const EMPTY_FORM: StatusChangeForm = { to: '', note: '', reasonCode: '', evidenceIds: [], newEvidence: [], occurredOn: '' };

/** A new form: the change happened today, where the analyst is. */
export function emptyForm(today: string = localToday()): StatusChangeForm {
  return { ...EMPTY_FORM, occurredOn: today };
}

/** What is wrong with the form, as i18n keys with their values, by the field to show them on. */
export interface FormProblems {
  to?: Problem;
  note?: Problem;
  reasonCode?: Problem;
  evidence?: Problem;
  occurredOn?: Problem;
  drafts: DraftProblems[];
}

export interface Problem {
  key: string;
  values?: Record<string, string>;
}

/**
 * Applies the server's own rules (checkStatusChange, checkEvidenceUrl from libs/domain) before
 * anything is sent, so the analyst learns what is missing right where it is missing.
 */
export function checkStatusChangeForm(
  from: CommitmentStatus,
  form: StatusChangeForm,
  today: string = localToday(),
  existing: readonly ExistingSource[] = [],
): FormProblems {
  const problems: FormProblems = { drafts: form.newEvidence.map((d) => (isBlankDraft(d) ? {} : checkDraft(d))) };
  // The server refuses only days after today anywhere on Earth; here, today is the analyst's own.
  if (form.occurredOn) {
    if (!isIsoDate(form.occurredOn)) problems.occurredOn = { key: 'occurredOn.errors.invalid' };
    else if (form.occurredOn < OCCURRED_ON_MIN) problems.occurredOn = { key: 'occurredOn.errors.tooEarly', values: { min: OCCURRED_ON_MIN } };
    else if (form.occurredOn > today || checkOccurredOn(form.occurredOn)) problems.occurredOn = { key: 'occurredOn.errors.future' };
  }
  if (!form.to) {
    problems.to = { key: 'statusChange.errors.pickStatus' };
    return problems;
  }
  if (form.to === PROGRESS) {
    const [violation] = checkProgressNote(form.note);
    if (violation) problems.note = { key: violation.message.includes('at most') ? 'statusChange.errors.noteTooLong' : 'statusChange.errors.progressNoteRequired' };
    return problems;
  }
  const to = form.to;
  const drafts = form.newEvidence.filter((d) => !isBlankDraft(d));
  const evidenceCount = form.evidenceIds.length + drafts.length;
  const stanceOf = new Map(existing.map((e) => [e.id, e.stance as EvidenceStance]));
  const evidenceStances = [
    ...form.evidenceIds.flatMap((id) => stanceOf.get(id) ?? []),
    ...drafts.map((d) => d.stance),
  ];
  const violations = checkStatusChange({ from, to, note: form.note, reasonCode: form.reasonCode || null, evidenceCount, evidenceStances });
  const values = { status: to };
  for (const v of violations) {
    if (v.field === 'status') problems.to ??= { key: 'statusChange.errors.same', values };
    else if (v.field === 'note') problems.note ??= { key: v.message.includes('at most') ? 'statusChange.errors.noteTooLong' : 'statusChange.errors.noteRequired', values };
    else if (v.field === 'evidenceIds') problems.evidence ??= { key: evidenceProblemKey(to, v.message), values };
    else if (v.field === 'reasonCode') {
      problems.reasonCode ??= { key: REASON_REQUIRED_STATUSES.includes(to) ? 'statusChange.errors.reasonRequired' : 'statusChange.errors.reasonNotAllowed', values };
    }
  }
  return problems;
}

/** Missing sources, or sources whose stance does not back the move (STANCES_THAT_BACK in libs/domain). */
function evidenceProblemKey(to: CommitmentStatus, message: string): string {
  if (!message.includes('stance')) return 'statusChange.errors.evidenceRequired';
  return to === CommitmentStatus.BROKEN ? 'statusChange.errors.evidenceAgainst' : 'statusChange.errors.evidenceSupports';
}

export function hasProblems(problems: FormProblems): boolean {
  return !!(problems.to || problems.note || problems.reasonCode || problems.evidence || problems.occurredOn || problems.drafts.some((d) => d.url || d.title));
}

/** The recordProgress input of a form whose choice is PROGRESS. */
export function toRecordProgressInput(commitmentId: string, form: StatusChangeForm) {
  return {
    commitmentId,
    note: form.note.trim(),
    evidenceIds: form.evidenceIds,
    newEvidence: form.newEvidence.filter((d) => !isBlankDraft(d)).map(toNewEvidenceInput),
    occurredOn: form.occurredOn || localToday(),
  };
}

export function toChangeStatusInput(commitmentId: string, expectedVersion: number, form: StatusChangeForm) {
  return {
    commitmentId,
    expectedVersion,
    status: form.to as CommitmentStatus,
    note: form.note.trim() || null,
    reasonCode: form.reasonCode || null,
    evidenceIds: form.evidenceIds,
    newEvidence: form.newEvidence.filter((d) => !isBlankDraft(d)).map(toNewEvidenceInput),
    occurredOn: form.occurredOn || localToday(),
  };
}
