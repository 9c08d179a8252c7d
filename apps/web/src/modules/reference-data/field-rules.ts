import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { ErrorCode, FieldViolation, foldForSearch } from '@pactwatch/domain';
import { errorFacts } from '../ui/describe-error';

/** A field of a reference-data form, checked with the API's own rule from libs/domain. */
export interface RefField {
  name: string;
  label: string;
  rule: (value: string, field: string) => FieldViolation | null;
  /** A choice among options rather than free text. */
  options?: { value: string; label: string }[];
  /** Not sent when editing: codes and slugs never change. */
  createOnly?: boolean;
  /** Left empty, it is sent as null (clears it). */
  optional?: boolean;
}

/** A rule's violation as a sentence in the reader's language. */
export function describeViolation(v: FieldViolation, t: TFunction): string {
  if (/is required/.test(v.message)) return t('common.required');
  const max = /at most (\d+)/.exec(v.message);
  if (max) return t('refData.errors.tooLong', { count: Number(max[1]) });
  if (/one line|incomplete character/.test(v.message)) return t('refData.errors.oneLine');
  if (/letters or digits/.test(v.message)) return t('refData.errors.code');
  if (/hyphens/.test(v.message)) return t('refData.errors.slug');
  if (/at least two different parties/.test(v.message)) return t('dataEntry.errors.twoParties');
  if (/at least one party/.test(v.message)) return t('dataEntry.errors.oneParty');
  if (/must be a date/.test(v.message)) return t('dataEntry.errors.date');
  return v.message;
}

/** The client's own check of every field: field → sentence. */
export function checkFields(fields: RefField[], values: Record<string, string>, t: TFunction): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const value = values[f.name] ?? '';
    if (f.optional && value.trim() === '') continue;
    const v = f.rule(value, f.name);
    if (v) problems[f.name] = describeViolation(v, t);
  }
  return problems;
}

/**
 * The server's refusal of one field, to show beside it: its own words in English, which name
 * the cause (an acronym already used, a country code), and a sentence of ours in Spanish.
 */
export function serverFieldError(error: CombinedError | undefined, fields: RefField[], t: TFunction, language: string): { field: string; message: string } | null {
  if (!error) return null;
  const facts = errorFacts(error);
  if (facts.code !== ErrorCode.BAD_USER_INPUT && facts.code !== ErrorCode.NOT_FOUND) return null;
  const field = fields.find((f) => f.name === facts.field);
  if (!field) return null;
  const message = language === 'en' && facts.detail ? facts.detail : t('errors.BAD_USER_INPUT_FIELD', { field: field.label });
  return { field: field.name, message };
}

/** Whether a country matches what was typed: its code, or its name in either language, accents and case aside. */
export function countryMatches(country: { code: string; name: string; nameEs: string }, search: string): boolean {
  const words = foldForSearch(search).split(/\s+/).filter(Boolean);
  const text = foldForSearch(`${country.code} ${country.name} ${country.nameEs}`);
  return words.every((w) => text.includes(w));
}
