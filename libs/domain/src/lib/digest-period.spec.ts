import { DigestCadence, isTimeZone, latestPeriod, zonedTime } from './digest-period';

const daily = (hour: number, timeZone: string) => ({ cadence: DigestCadence.DAILY, hour, weekday: 1, timeZone });

describe('digest periods', () => {
  it('ends a daily period at the local hour: 08:00 in Mexico City is 14:00 UTC', () => {
    const period = latestPeriod(daily(8, 'America/Mexico_City'), new Date('2024-03-05T15:00:00Z'));
    expect(period).toEqual({ start: new Date('2024-03-04T14:00:00Z'), end: new Date('2024-03-05T14:00:00Z') });
  });

  it('puts a change one second before the cut-off in the ending period and one second after in the next', () => {
    const schedule = daily(8, 'America/Mexico_City');
    const justBefore = latestPeriod(schedule, new Date('2024-03-05T13:59:59Z'))!;
    const justAfter = latestPeriod(schedule, new Date('2024-03-05T14:00:01Z'))!;
    expect(justBefore.end).toEqual(new Date('2024-03-04T14:00:00Z'));
    expect(justAfter.end).toEqual(new Date('2024-03-05T14:00:00Z'));
    const change = new Date('2024-03-05T13:59:59Z');
    expect(change >= justAfter.start && change < justAfter.end).toBe(true);
    const later = new Date('2024-03-05T14:00:01Z');
    expect(later >= justAfter.end).toBe(true);
  });

  it('follows daylight saving time: 08:00 in New York is 13:00 UTC in winter, 12:00 in summer', () => {
    expect(latestPeriod(daily(8, 'America/New_York'), new Date('2024-01-10T20:00:00Z'))!.end).toEqual(new Date('2024-01-10T13:00:00Z'));
    expect(latestPeriod(daily(8, 'America/New_York'), new Date('2024-07-10T20:00:00Z'))!.end).toEqual(new Date('2024-07-10T12:00:00Z'));
    // The period spanning the spring change is 23 hours long.
    const spring = latestPeriod(daily(8, 'America/New_York'), new Date('2024-03-10T20:00:00Z'))!;
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600_000);
  });

  it('takes the first instant after a missing hour', () => {
    // 02:00 on 2024-03-10 does not exist in New York: clocks jump from 02:00 to 03:00 EDT (07:00 UTC).
    expect(zonedTime(2024, 3, 10, 2, 'America/New_York')).toEqual(new Date('2024-03-10T07:00:00Z'));
  });

  it('ends a weekly period on the chosen weekday', () => {
    // Monday 2024-03-04 09:00 in Madrid is 08:00 UTC; asked on Wednesday the 6th.
    const weekly = { cadence: DigestCadence.WEEKLY, hour: 9, weekday: 1, timeZone: 'Europe/Madrid' };
    expect(latestPeriod(weekly, new Date('2024-03-06T12:00:00Z'))).toEqual({
      start: new Date('2024-02-26T08:00:00Z'),
      end: new Date('2024-03-04T08:00:00Z'),
    });
    // On the Monday itself, before 09:00 local, the week before is the latest ended.
    expect(latestPeriod(weekly, new Date('2024-03-04T07:59:59Z'))!.end).toEqual(new Date('2024-02-26T08:00:00Z'));
  });

  it('makes instant periods whole minutes and OFF none', () => {
    expect(latestPeriod({ cadence: DigestCadence.INSTANT, hour: 0, weekday: 1, timeZone: 'UTC' }, new Date('2024-03-05T10:07:42Z'))).toEqual({
      start: new Date('2024-03-05T10:06:00Z'),
      end: new Date('2024-03-05T10:07:00Z'),
    });
    expect(latestPeriod({ cadence: DigestCadence.OFF, hour: 8, weekday: 1, timeZone: 'UTC' }, new Date())).toBeNull();
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('America/Mexico_City')).toBe(true);
    expect(isTimeZone('America/Mexico_Town')).toBe(false);
  });
});
