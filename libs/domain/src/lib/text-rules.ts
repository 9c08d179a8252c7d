import { FieldViolation } from './domain-error';

export const TITLE_MAX_LENGTH = 300;
export const DESCRIPTION_MAX_LENGTH = 20000;
export const QUOTE_MAX_LENGTH = 5000;
export const NAME_MAX_LENGTH = 200;

/** Counts code points, as Postgres `varchar(n)` does, so an emoji is one character, not two. */
export function characterCount(value: string): number {
  return [...value].length;
}

// With the u flag a surrogate pair is one code point, so only a surrogate without its other half matches.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text that PostgreSQL can store: no U+0000, and no lone UTF-16 surrogate (half of a pair, which
 * JSON carries as "\ud800" but which is no character at all). Applied to every string a client
 * sends, so that such text is refused as bad input naming the field rather than failing in SQL.
 */
export function checkStorableText(field: string, value: string): FieldViolation | null {
  if (value.includes('\u0000')) return { field, message: `${field} must not contain the NUL character` };
  if (LONE_SURROGATE.test(value)) return { field, message: `${field} must not contain a lone UTF-16 surrogate (half of a character)` };
  return null;
}

export function checkText(
  field: string,
  value: string | null | undefined,
  opts: { required?: boolean; max: number },
): FieldViolation | null {
  if (value === null || value === undefined) {
    return opts.required ? { field, message: `${field} is required` } : null;
  }
  // Guards JS callers; TypeScript callers cannot get here.
  if (typeof value !== 'string') return { field, message: `${field} must be text` };
  if (opts.required && value.trim() === '') return { field, message: `${field} is required` };
  const unstorable = checkStorableText(field, value);
  if (unstorable) return unstorable;
  if (characterCount(value) > opts.max) {
    return { field, message: `${field} must be at most ${opts.max} characters` };
  }
  return null;
}
