/** How often a subscriber gets a digest. */
export enum DigestCadence {
  INSTANT = 'INSTANT',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  OFF = 'OFF',
}

export interface DigestSchedule {
  cadence: DigestCadence;
  /** Local hour (0–23) a daily or weekly digest goes out. */
  hour: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) of a weekly digest. */
  weekday: number;
  /** IANA time zone, such as America/Mexico_City. */
  timeZone: string;
}

export interface Period {
  /** Inclusive. */
  start: Date;
  /** Exclusive: a change at exactly `end` belongs to the next period. */
  end: Date;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/**
 * The instant the clocks of `timeZone` read year-month-day hour:00. In a spring-forward gap the
 * hour does not exist, and the first instant after it is taken.
 */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  // Two corrections settle the offset, DST changes included.
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    if (seen === wanted) return new Date(guess);
    guess += wanted - seen;
  }
  return new Date(guess);
}

function addLocalDays(p: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The latest period that has ended by `now`: the digest due now covers it. Daily periods run
 * from the hour to the same hour the next (local) day, weekly ones from the weekday's hour to the
 * next; instant ones are whole minutes. OFF has none.
 */
export function latestPeriod(schedule: DigestSchedule, now: Date): Period | null {
  if (schedule.cadence === DigestCadence.OFF) return null;
  if (schedule.cadence === DigestCadence.INSTANT) {
    const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    return { start: new Date(end.getTime() - 60_000), end };
  }
  const step = schedule.cadence === DigestCadence.WEEKLY ? 7 : 1;
  const local = localParts(now, schedule.timeZone);
  let day = { year: local.year, month: local.month, day: local.day };
  if (schedule.cadence === DigestCadence.WEEKLY) day = addLocalDays(day, -((local.weekday - schedule.weekday + 7) % 7));
  let end = zonedTime(day.year, day.month, day.day, schedule.hour, schedule.timeZone);
  if (end.getTime() > now.getTime()) {
    day = addLocalDays(day, -step);
    end = zonedTime(day.year, day.month, day.day, schedule.hour, schedule.timeZone);
  }
  const before = addLocalDays(day, -step);
  return { start: zonedTime(before.year, before.month, before.day, schedule.hour, schedule.timeZone), end };
}
