import type { CombinedError } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import { errorFacts } from './describe-error';

/**
 * The server's refusals by field (extensions.field, and every violation of a BAD_USER_INPUT), so a
 * form can show each beside its field; NOT_FOUND names the field that held the unknown id.
 */
export function serverFieldErrors(error: CombinedError | null | undefined): Record<string, string> {
  if (!error) return {};
  const facts = errorFacts(error);
  if (facts.code !== ErrorCode.BAD_USER_INPUT && facts.code !== ErrorCode.NOT_FOUND) return {};
  const out: Record<string, string> = {};
  const violations = Array.isArray(facts.extensions.violations) ? (facts.extensions.violations as { field?: unknown; message?: unknown }[]) : [];
  for (const v of violations) if (typeof v.field === 'string' && typeof v.message === 'string') out[topField(v.field)] ??= v.message;
  if (facts.field && facts.detail) out[topField(facts.field)] ??= facts.detail;
  return out;
}

/** 'input.title' or 'title' → 'title'. */
function topField(field: string): string {
  return field.replace(/^input\./, '').split(/[.[]/)[0];
}
