import { FieldViolation } from './domain-error';

/** Days before a commitment's due date that its assignees and watchers are reminded, unless the workspace says otherwise. */
export const DEFAULT_REMINDER_DAYS_BEFORE: readonly number[] = [7, 1];
/** Most reminders a workspace may ask for before one due date. */
export const MAX_REMINDER_OFFSETS = 5;
/** Furthest ahead a reminder may come, in days. */
export const MAX_REMINDER_DAYS_BEFORE = 365;

/**
 * Why a workspace's reminder offsets are refused: each a whole number of days from 0 (the due
 * date itself) to 365, at most 5, no two the same. An empty list is allowed: no reminders before
 * the due date (the overdue flag still comes).
 */
export function checkReminderDaysBefore(field: string, days: readonly number[]): FieldViolation[] {
  if (days.length > MAX_REMINDER_OFFSETS) return [{ field, message: `${field}: at most ${MAX_REMINDER_OFFSETS} reminders` }];
  const wrong = days.find((d) => !Number.isInteger(d) || d < 0 || d > MAX_REMINDER_DAYS_BEFORE);
  if (wrong !== undefined) return [{ field, message: `${field}: ${wrong} is not a whole number of days from 0 to ${MAX_REMINDER_DAYS_BEFORE}` }];
  if (new Set(days).size !== days.length) return [{ field, message: `${field}: each day may be given once` }];
  return [];
}

/** The offsets as kept: largest first (the order they come in). */
export function normalizeReminderDaysBefore(days: readonly number[]): number[] {
  return [...days].sort((a, b) => b - a);
}
