import type { DigestCadence, DigestScheduleInput } from '../../gql/graphql';

export const CADENCES: readonly DigestCadence[] = ['INSTANT', 'DAILY', 'WEEKLY', 'OFF'];
export const DIGEST_LOCALES = ['en', 'es'] as const;

export interface DigestSchedule {
  cadence: DigestCadence;
  hour: number;
  weekday: number;
  timeZone: string;
  locale: string;
}

/** Only what differs from what is saved: the API keeps every field left out. */
export function scheduleChanges(saved: DigestSchedule, form: DigestSchedule): DigestScheduleInput {
  const changes: DigestScheduleInput = {};
  if (form.cadence !== saved.cadence) changes.cadence = form.cadence;
  if (form.hour !== saved.hour) changes.hour = form.hour;
  if (form.weekday !== saved.weekday) changes.weekday = form.weekday;
  if (form.timeZone !== saved.timeZone) changes.timeZone = form.timeZone;
  if (form.locale !== saved.locale) changes.locale = form.locale;
  return changes;
}

/** Whether the hour, and the day of the week, mean anything for a cadence. */
export function usesHour(cadence: DigestCadence): boolean {
  return cadence === 'DAILY' || cadence === 'WEEKLY';
}

export function usesWeekday(cadence: DigestCadence): boolean {
  return cadence === 'WEEKLY';
}

/** The browser's IANA time zones, with `current` kept even where the browser does not list it. */
export function timeZones(current: string): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(['UTC', ...listed]);
  if (current) all.add(current);
  return [...all].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** "8:00 AM" / "8:00" as the reader's language writes an hour of the day. */
export function hourLabel(hour: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}

/** Monday is 1, Sunday 7, as the API counts; named in the reader's language. */
export function weekdayLabel(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}
