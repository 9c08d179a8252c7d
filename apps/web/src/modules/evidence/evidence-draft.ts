import { checkEvidenceUrl, EvidenceKind, EvidenceStance, FieldViolation } from '@pactwatch/domain';

/** A source being typed in, before the server has it. */
export interface EvidenceDraft {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  kind: EvidenceKind;
  stance: EvidenceStance;
}

export const EMPTY_DRAFT: EvidenceDraft = {
  url: '',
  title: '',
  publisher: '',
  publishedOn: '',
  kind: EvidenceKind.NEWS,
  stance: EvidenceStance.SUPPORTS,
};

export function isBlankDraft(draft: EvidenceDraft): boolean {
  return draft.url.trim() === '' && draft.title.trim() === '';
}

/** Problems with one draft, keyed by its field, as message keys of the i18n catalogue. */
export type DraftProblems = Partial<Record<'url' | 'title', string>>;

/** The same address rules as the server (libs/domain), told in the reader's words. */
export function checkDraft(draft: EvidenceDraft): DraftProblems {
  const problems: DraftProblems = {};
  const url = checkEvidenceUrl(draft.url.trim());
  if (url) problems.url = urlProblemKey(url);
  if (draft.title.trim() === '') problems.title = 'evidence.errors.titleRequired';
  return problems;
}

/** The domain says why in English; the reader gets the same reason from the catalogue. */
export function urlProblemKey(violation: FieldViolation): string {
  const m = violation.message;
  if (m.endsWith('is required')) return 'evidence.errors.urlRequired';
  if (m.includes('at most')) return 'evidence.errors.urlTooLong';
  if (m.includes('spaces')) return 'evidence.errors.urlSpaces';
  if (m.includes('http://') || m.includes('http or https')) return 'evidence.errors.urlScheme';
  if (m.includes('user name')) return 'evidence.errors.urlCredentials';
  return 'evidence.errors.urlInvalid';
}

export function toNewEvidenceInput(draft: EvidenceDraft) {
  return {
    url: draft.url.trim(),
    title: draft.title.trim(),
    publisher: draft.publisher.trim() || null,
    publishedOn: draft.publishedOn || null,
    kind: draft.kind,
    stance: draft.stance,
  };
}
