import type { CombinedError } from 'urql';
import { checkEvidenceUrl, checkText, ErrorCode, EvidenceKind, EvidenceStance, FieldViolation, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { errorFacts } from '../ui/describe-error';

/** A source being typed in, before the server has it. */
export interface EvidenceDraft {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  kind: EvidenceKind;
  stance: EvidenceStance;
  /** An archived copy of the page: only when correcting a saved source (a new one has none). */
  archiveUrl?: string;
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
export type DraftProblems = Partial<Record<'url' | 'title' | 'publisher' | 'archiveUrl', string>>;

/** The server's refusals of one source's fields, in its own words, keyed by the draft's field. */
export type DraftServerErrors = Partial<Record<keyof EvidenceDraft, string>>;

/** The same address rules as the server (libs/domain), told in the reader's words. */
export function checkDraft(draft: EvidenceDraft): DraftProblems {
  const problems: DraftProblems = {};
  const url = checkEvidenceUrl(draft.url.trim());
  if (url) problems.url = urlProblemKey(url);
  if (draft.title.trim() === '') problems.title = 'evidence.errors.titleRequired';
  else {
    const title = checkText('title', draft.title, { max: TITLE_MAX_LENGTH });
    if (title) problems.title = title.message.includes('at most') ? 'evidence.errors.titleTooLong' : 'evidence.errors.unstorable';
  }
  const publisher = checkText('publisher', draft.publisher, { max: NAME_MAX_LENGTH });
  if (publisher) problems.publisher = publisher.message.includes('at most') ? 'evidence.errors.publisherTooLong' : 'evidence.errors.unstorable';
  const archive = draft.archiveUrl?.trim() ? checkEvidenceUrl(draft.archiveUrl.trim(), 'archiveUrl') : null;
  if (archive) problems.archiveUrl = urlProblemKey(archive);
  return problems;
}

export function hasProblems(problems: DraftProblems): boolean {
  return Object.keys(problems).length > 0;
}

/**
 * A refused addEvidence/updateEvidence by the source's own field ('input[0].url', 'url' → url),
 * so the form shows the server's reason beside the field; {} for any other refusal.
 */
export function draftServerErrors(error: CombinedError | null | undefined): DraftServerErrors {
  if (!error) return {};
  const facts = errorFacts(error);
  if (facts.code !== ErrorCode.BAD_USER_INPUT) return {};
  const out: DraftServerErrors = {};
  const fields: (keyof EvidenceDraft)[] = ['url', 'title', 'publisher', 'publishedOn', 'kind', 'stance', 'archiveUrl'];
  const violations = Array.isArray(facts.extensions.violations) ? (facts.extensions.violations as { field?: unknown; message?: unknown }[]) : [];
  const all = [...violations, { field: facts.field, message: facts.detail }];
  for (const v of all) {
    if (typeof v.field !== 'string' || typeof v.message !== 'string') continue;
    const name = v.field.split('.').pop() as keyof EvidenceDraft;
    if (fields.includes(name)) out[name] ??= v.message;
  }
  return out;
}

/** A saved source as the form holds it. */
export function draftOf(item: { url?: string | null; title: string; publisher?: string | null; publishedOn?: string | null; kind: string; stance: string; archiveUrl?: string | null }): EvidenceDraft {
  return {
    archiveUrl: item.archiveUrl ?? '',
    url: item.url ?? '',
    title: item.title,
    publisher: item.publisher ?? '',
    publishedOn: item.publishedOn ?? '',
    kind: item.kind as EvidenceKind,
    stance: item.stance as EvidenceStance,
  };
}

/** Only the fields changed from the version read: updateEvidence leaves the others as they are (someone else's change to them stays). */
export function toEvidenceChanges(base: EvidenceDraft, draft: EvidenceDraft) {
  const now = toNewEvidenceInput(draft);
  const was = toNewEvidenceInput(base);
  const changes = Object.fromEntries(Object.entries(now).filter(([k, v]) => v !== was[k as keyof typeof was])) as Partial<ReturnType<typeof toNewEvidenceInput>> & { archiveUrl?: string | null };
  const archive = (d: EvidenceDraft) => d.archiveUrl?.trim() || null;
  if (draft.archiveUrl !== undefined && archive(draft) !== archive(base)) changes.archiveUrl = archive(draft);
  return changes;
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
