import { checkText, CommitmentPriority, DESCRIPTION_MAX_LENGTH, isIsoDate, QUOTE_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';

/** A commitment as the form holds it: text as typed, the due date as yyyy-mm-dd or empty, no owner as ''. */
export interface CommitmentFormValues {
  agreementId: string;
  title: string;
  description: string;
  sourceQuote: string;
  partyCodes: string[];
  ownerOrganizationId: string;
  ownerPersonId: string;
  themes: string[];
  dueOn: string;
  priority: CommitmentPriority;
}

export interface CommitmentFormSnapshot extends CommitmentFormValues {
  id: string;
  version: number;
}

export const EMPTY_COMMITMENT: CommitmentFormValues = {
  agreementId: '', title: '', description: '', sourceQuote: '', partyCodes: [], ownerOrganizationId: '', ownerPersonId: '', themes: [], dueOn: '',
  priority: CommitmentPriority.MEDIUM,
};

export type CommitmentProblems = Partial<Record<keyof CommitmentFormValues, string>>;

/** The API's own rules (libs/domain text rules, one committing party), before anything is sent. */
export function checkCommitmentForm(v: CommitmentFormValues): CommitmentProblems {
  const problems: CommitmentProblems = {};
  const text = (field: 'title' | 'description' | 'sourceQuote', max: number, required = false) => {
    const violation = checkText(field, v[field], { required, max });
    if (violation) problems[field] = violation.message;
  };
  if (!v.agreementId) problems.agreementId = 'agreementId is required';
  text('title', TITLE_MAX_LENGTH, true);
  text('description', DESCRIPTION_MAX_LENGTH);
  text('sourceQuote', QUOTE_MAX_LENGTH);
  if (v.partyCodes.length === 0) problems.partyCodes = 'partyCodes must name at least one party';
  if (v.dueOn && !isIsoDate(v.dueOn)) problems.dueOn = 'dueOn must be a date';
  return problems;
}

export function toCreateCommitmentInput(v: CommitmentFormValues) {
  return {
    agreementId: v.agreementId,
    title: v.title.trim(),
    description: v.description.trim(),
    sourceQuote: v.sourceQuote.trim(),
    partyCodes: v.partyCodes,
    ownerOrganizationId: v.ownerOrganizationId || null,
    ownerPersonId: v.ownerPersonId || null,
    themes: v.themes,
    dueOn: v.dueOn || null,
    priority: v.priority,
  };
}

/** Only what the analyst changed from the version they read. */
export function toUpdateCommitmentInput(base: CommitmentFormSnapshot, v: CommitmentFormValues) {
  const { agreementId: _a, ...all } = toCreateCommitmentInput(v);
  const was = toCreateCommitmentInput(base);
  const changed = Object.fromEntries(Object.entries(all).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(was[k as keyof typeof was])));
  return { id: base.id, expectedVersion: base.version, ...changed };
}
