import { FieldViolation } from './domain-error';
import { characterCount } from './text-rules';

/** A party is a country (ISO 3166-1, named by the country list) or a body a team adds itself. */
export enum PartyKind {
  COUNTRY = 'COUNTRY',
  CUSTOM = 'CUSTOM',
}

export const PARTY_CODE_MAX_LENGTH = 10;
export const ACRONYM_MAX_LENGTH = 20;
export const LABEL_MAX_LENGTH = 200;
export const THEME_SLUG_MAX_LENGTH = 60;

const PARTY_CODE = /^[A-Z][A-Z0-9]{1,9}$/;
const THEME_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Names are one line: no control character (tab and newline included), no half of a surrogate pair.
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A one-line name (party, organization, person, theme label, acronym, title): trimmed non-empty
 * when required, at most `max` characters, no control characters.
 */
export function checkLabel(field: string, value: unknown, opts: { required?: boolean; max?: number } = {}): FieldViolation | null {
  const max = opts.max ?? LABEL_MAX_LENGTH;
  if (value === null || value === undefined) return opts.required ? { field, message: `${field} is required` } : null;
  if (typeof value !== 'string') return { field, message: `${field} must be text` };
  if (opts.required && value.trim() === '') return { field, message: `${field} is required` };
  if (characterCount(value) > max) return { field, message: `${field} must be at most ${max} characters` };
  if (CONTROL.test(value)) return { field, message: `${field} must be one line, without control characters` };
  if (LONE_SURROGATE.test(value)) return { field, message: `${field} holds an incomplete character` };
  return null;
}

/** Codes are compared upper-case and without surrounding spaces: " eu " is EU. */
export function normalizePartyCode(value: string): string {
  return value.trim().toUpperCase();
}

/** A custom party's code: 2 to 10 letters or digits, starting with a letter (EU, UNHCR, IOM). */
export function checkPartyCode(field: string, value: unknown): FieldViolation | null {
  if (typeof value !== 'string' || value.trim() === '') return { field, message: `${field} is required` };
  if (!PARTY_CODE.test(normalizePartyCode(value))) {
    return { field, message: `${field} must be 2 to ${PARTY_CODE_MAX_LENGTH} letters or digits, starting with a letter (such as EU or UNHCR)` };
  }
  return null;
}

/** A theme's slug: lower-case letters and digits in words joined by single hyphens (anti-smuggling). */
export function checkThemeSlug(field: string, value: unknown): FieldViolation | null {
  if (typeof value !== 'string' || value.trim() === '') return { field, message: `${field} is required` };
  if (characterCount(value) > THEME_SLUG_MAX_LENGTH) return { field, message: `${field} must be at most ${THEME_SLUG_MAX_LENGTH} characters` };
  if (!THEME_SLUG.test(value)) return { field, message: `${field} must be lower-case letters and digits joined by hyphens (such as anti-smuggling)` };
  return null;
}

/** Lower case without accents, for matching what a person types against names ("mexico" finds "México"). */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
