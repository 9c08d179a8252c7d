import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { checkEmail, checkPassword, checkText, FieldViolation, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@pactwatch/domain';
import { serverFieldErrors } from '../ui/server-field-errors';

export type AccountField = 'email' | 'name' | 'workspaceName' | 'password' | 'newPassword' | 'currentPassword' | 'confirmPassword';

/** A rule's violation as a sentence in the reader's language. */
function describe(v: FieldViolation, t: TFunction): string {
  if (/is required/.test(v.message)) return t('common.required');
  if (/email address/.test(v.message)) return t('account.errors.email');
  if (/at least/.test(v.message)) return t('account.errors.passwordShort', { count: PASSWORD_MIN_LENGTH });
  if (/at most/.test(v.message)) return t('account.errors.tooLong', { count: v.field.toLowerCase().includes('password') ? PASSWORD_MAX_LENGTH : NAME_MAX_LENGTH });
  return t('account.errors.text');
}

/**
 * The API's own rules (libs/domain), field by field, for the fields a form has: an email, a name
 * or workspace name, a password to set (and typed twice), a current password.
 */
export function checkAccountFields(values: Partial<Record<AccountField, string>>, t: TFunction): Partial<Record<AccountField, string>> {
  const problems: Partial<Record<AccountField, string>> = {};
  const add = (v: FieldViolation | null, field: AccountField) => {
    if (v) problems[field] = describe(v, t);
  };
  if (values.email !== undefined) add(checkEmail(values.email), 'email');
  if (values.name !== undefined) add(checkText('name', values.name, { required: true, max: NAME_MAX_LENGTH }), 'name');
  if (values.workspaceName !== undefined) add(checkText('workspaceName', values.workspaceName, { required: true, max: NAME_MAX_LENGTH }), 'workspaceName');
  if (values.password !== undefined) add(checkPassword(values.password), 'password');
  if (values.newPassword !== undefined) add(checkPassword(values.newPassword, 'newPassword'), 'newPassword');
  if (values.currentPassword !== undefined && values.currentPassword === '') problems.currentPassword = t('common.required');
  const set = values.newPassword ?? values.password;
  if (values.confirmPassword !== undefined && values.confirmPassword !== set) problems.confirmPassword = t('account.errors.mismatch');
  return problems;
}

/**
 * The server's refusal of each field, to show beside it: its own words in English (they name the
 * cause: a wrong current password, a used link), a sentence of ours in Spanish.
 */
export function serverAccountErrors(error: CombinedError | undefined, t: TFunction, language: string): Partial<Record<AccountField | 'token' | 'locale', string>> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(serverFieldErrors(error))) {
    out[field] = language === 'en' ? message : t('errors.BAD_USER_INPUT_FIELD', { field: t(`account.fields.${field}`, { defaultValue: field }) });
  }
  return out;
}
