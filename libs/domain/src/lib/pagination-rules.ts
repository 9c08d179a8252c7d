import { encodeBase64Url, decodeBase64Url } from './base64url';
import { DomainError, FieldViolation } from './domain-error';

export const PAGE_SIZE_MAX = 100;
export const CURSOR_MAX_LENGTH = 1000;

export function checkPageSize(first: number, field = 'first'): FieldViolation | null {
  if (Number.isInteger(first) && first >= 1 && first <= PAGE_SIZE_MAX) return null;
  return { field, message: `${field} must be a whole number from 1 to ${PAGE_SIZE_MAX}` };
}

/** Opaque cursor: base64url of the JSON sort key, so clients cannot come to rely on its shape. */
export function encodeCursor(parts: unknown[]): string {
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify(parts)));
}

/** Cursors come from clients, so every malformed one is bad input, never a crash. */
export function decodeCursor(cursor: string, field = 'after'): unknown[] {
  const invalid = () => DomainError.badInput([{ field, message: `${field} is not a valid cursor` }]);
  if (typeof cursor !== 'string' || cursor === '' || cursor.length > CURSOR_MAX_LENGTH) throw invalid();

  const bytes = decodeBase64Url(cursor);
  if (!bytes) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed)) throw invalid();
  return parsed;
}
