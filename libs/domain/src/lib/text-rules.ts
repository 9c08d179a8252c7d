import { FieldViolation } from './domain-error';

export const TITLE_MAX_LENGTH = 300;
export const DESCRIPTION_MAX_LENGTH = 20000;
export const QUOTE_MAX_LENGTH = 5000;
export const NAME_MAX_LENGTH = 200;

/** Counts code points, as Postgres `varchar(n)` does, so an emoji is one character, not two. */
export function characterCount(value: string): number {
  return [...value].length;
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
  if (characterCount(value) > opts.max) {
    return { field, message: `${field} must be at most ${opts.max} characters` };
  }
  return null;
}
