import isEmail from 'validator/lib/isEmail';
import { FieldViolation } from './domain-error';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254;

export function checkPassword(password: unknown, field = 'password'): FieldViolation | null {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    return { field, message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { field, message: `${field} must be at most ${PASSWORD_MAX_LENGTH} characters` };
  }
  return null;
}

/**
 * A bare address, as validator's isEmail reads one: no display name (`Name <a@b.example>` is
 * refused, so that the address mailed is the address shown), a domain with a top-level part.
 */
export function checkEmail(email: unknown, field = 'email'): FieldViolation | null {
  if (typeof email !== 'string' || email.length > EMAIL_MAX_LENGTH || !isEmail(email.trim(), { allow_display_name: false, require_tld: true })) {
    return { field, message: `${field} must be an email address` };
  }
  return null;
}

/** Emails compare without case or surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The languages of the web client and of the emails an account receives. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Absent is fine (the caller picks a default); anything else must be one of LOCALES. */
export function checkLocale(value: unknown, field = 'locale'): FieldViolation | null {
  if (value === null || value === undefined || isLocale(value)) return null;
  return { field, message: `${field} must be one of ${LOCALES.join(', ')}` };
}
