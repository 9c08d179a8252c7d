import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { ErrorCode } from '@pactwatch/domain';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

export interface ErrorFacts {
  code: ErrorCode | 'NETWORK';
  field?: string;
  retryAfter?: number;
  /** The server's own sentence, English; shown as detail under the translated message. */
  detail?: string;
  extensions: Record<string, unknown>;
}

/** The first GraphQL error (or the network failure) as facts the client can switch on. */
export function errorFacts(error: CombinedError): ErrorFacts {
  const first = error.graphQLErrors[0];
  if (!first) return { code: 'NETWORK', extensions: {} };
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const raw = String(extensions.code ?? '');
  const code = KNOWN_CODES.has(raw) ? (raw as ErrorCode) : ErrorCode.INTERNAL;
  const retryAfter = Number(extensions.retryAfter);
  return {
    code,
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    detail: code === ErrorCode.INTERNAL ? undefined : first.message,
    extensions,
  };
}

/** Every error code becomes one clear sentence in the reader's language. */
export function describeError(error: CombinedError, t: TFunction, overrides: Partial<Record<ErrorFacts['code'], string>> = {}): string {
  const facts = errorFacts(error);
  const override = overrides[facts.code];
  if (override) return override;
  const field = facts.field ? t(`fields.${fieldKey(facts.field)}`, { defaultValue: facts.field }) : '';
  if (facts.code === ErrorCode.BAD_USER_INPUT && field) return t('errors.BAD_USER_INPUT_FIELD', { field });
  if (facts.code === ErrorCode.RATE_LIMITED && facts.retryAfter) {
    return t('errors.RATE_LIMITED_WAIT', { count: Math.ceil(facts.retryAfter) });
  }
  if (facts.code === ErrorCode.UNAVAILABLE && facts.retryAfter) {
    return t('errors.UNAVAILABLE_WAIT', { count: Math.ceil(facts.retryAfter) });
  }
  return t(`errors.${facts.code}`);
}

/** 'newEvidence[0].url' → 'url': the label of the innermost field. */
function fieldKey(field: string): string {
  return field.split('.').pop()?.replace(/\[\d+\]/g, '') ?? field;
}
