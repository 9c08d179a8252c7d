import { AgreementKind, checkText, DESCRIPTION_MAX_LENGTH, isIsoDate, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';

/** An agreement as the form holds it: text as typed, dates as yyyy-mm-dd or empty. */
export interface AgreementFormValues {
  title: string;
  kind: AgreementKind;
  partyCodes: string[];
  heldOn: string;
  signedOn: string;
  inForceOn: string;
  place: string;
  participantIds: string[];
  summary: string;
}

/** The agreement as it was read: what a save expects and what a conflict compares with. */
export interface AgreementSnapshot extends AgreementFormValues {
  id: string;
  version: number;
}

export const EMPTY_AGREEMENT: AgreementFormValues = {
  title: '', kind: AgreementKind.MEETING, partyCodes: [], heldOn: '', signedOn: '', inForceOn: '', place: '', participantIds: [], summary: '',
};

export type AgreementProblems = Partial<Record<keyof AgreementFormValues, string>>;

/** The API's own rules (libs/domain text rules, two parties), before anything is sent. */
export function checkAgreementForm(v: AgreementFormValues): AgreementProblems {
  const problems: AgreementProblems = {};
  const text = (field: 'title' | 'place' | 'summary', max: number, required = false) => {
    const violation = checkText(field, v[field], { required, max });
    if (violation) problems[field] = violation.message;
  };
  text('title', TITLE_MAX_LENGTH, true);
  text('place', NAME_MAX_LENGTH);
  text('summary', DESCRIPTION_MAX_LENGTH);
  if (new Set(v.partyCodes).size < 2) problems.partyCodes = 'partyCodes must name at least two different parties';
  for (const field of ['heldOn', 'signedOn', 'inForceOn'] as const) {
    if (v[field] && !isIsoDate(v[field])) problems[field] = `${field} must be a date`;
  }
  return problems;
}

export function toCreateAgreementInput(v: AgreementFormValues) {
  return {
    title: v.title.trim(),
    kind: v.kind,
    partyCodes: v.partyCodes,
    heldOn: v.heldOn || null,
    signedOn: v.signedOn || null,
    inForceOn: v.inForceOn || null,
    place: v.place.trim() || null,
    summary: v.summary.trim(),
    participantIds: v.participantIds,
  };
}

/** Only what the analyst changed from the version they read, so a re-apply keeps others' changes elsewhere. */
export function toUpdateAgreementInput(base: AgreementSnapshot, v: AgreementFormValues) {
  const all = toCreateAgreementInput(v);
  const was = toCreateAgreementInput(base);
  const changed = Object.fromEntries(Object.entries(all).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(was[k as keyof typeof was])));
  return { id: base.id, expectedVersion: base.version, ...changed };
}
