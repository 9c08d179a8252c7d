import { describe, expect, it } from 'vitest';
import { hourLabel, scheduleChanges, timeZones, usesHour, usesWeekday, weekdayLabel } from './digest-schedule';

const SAVED = { cadence: 'DAILY', hour: 8, weekday: 1, timeZone: 'UTC', locale: 'en' } as const;

describe('digest schedule', () => {
  it('sends only the fields that changed', () => {
    expect(scheduleChanges(SAVED, { ...SAVED })).toEqual({});
    expect(scheduleChanges(SAVED, { ...SAVED, cadence: 'WEEKLY', weekday: 5 })).toEqual({ cadence: 'WEEKLY', weekday: 5 });
    expect(scheduleChanges(SAVED, { ...SAVED, timeZone: 'America/Mexico_City', locale: 'es', hour: 0 })).toEqual({ hour: 0, timeZone: 'America/Mexico_City', locale: 'es' });
  });

  it('asks for an hour only for daily and weekly digests, and a day only for weekly ones', () => {
    expect(['INSTANT', 'DAILY', 'WEEKLY', 'OFF'].map((c) => [usesHour(c as never), usesWeekday(c as never)])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [false, false],
    ]);
  });

  it('names hours and weekdays in the reader’s language, Monday being 1', () => {
    expect(weekdayLabel(1, 'en')).toBe('Monday');
    expect(weekdayLabel(7, 'es')).toBe('domingo');
    expect(hourLabel(13, 'en')).toMatch(/^1:00\sPM$/);
    expect(hourLabel(13, 'es')).toBe('13:00');
  });

  it('lists UTC first and keeps a saved zone the browser does not know', () => {
    const zones = timeZones('Mars/Olympus_Mons');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Mars/Olympus_Mons');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
