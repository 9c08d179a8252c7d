import { types } from 'pg';

// pg's own parser (postgres-date), taken before anyone replaces it.
const parseDate = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

const DIGIT_0 = 48;

/** The number written by the ASCII digits of value[from, to), or -1 if any is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * pg's parser for timestamptz (postgres-date) with a fast path for what a UTC session sends,
 * `2024-01-31 12:34:56[.123456]+00`: no regular expressions, the same arithmetic, the same Date.
 * A nested read parses thousands of these. Anything else (another offset, BC, years before 100 or
 * after 9999, infinity) goes to postgres-date itself.
 */
export function parseTimestamptz(value: string): Date | number | null {
  const n = value.length;
  if (
    n >= 22 &&
    value.charCodeAt(4) === 45 && // -
    value.charCodeAt(7) === 45 &&
    value.charCodeAt(10) === 32 && // space
    value.charCodeAt(13) === 58 && // :
    value.charCodeAt(16) === 58 &&
    value.charCodeAt(n - 3) === 43 && // +00
    value.charCodeAt(n - 2) === DIGIT_0 &&
    value.charCodeAt(n - 1) === DIGIT_0 &&
    (n === 22 || (n > 23 && value.charCodeAt(19) === 46)) // .fraction
  ) {
    const year = digits(value, 0, 4);
    const month = digits(value, 5, 7);
    const day = digits(value, 8, 10);
    const hour = digits(value, 11, 13);
    const minute = digits(value, 14, 16);
    const second = digits(value, 17, 19);
    const fraction = n === 22 ? 0 : digits(value, 20, n - 3);
    if (year >= 100 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && fraction >= 0) {
      // As postgres-date computes it: 1000 * parseFloat('.123456'), truncated by Date.UTC.
      const ms = n === 22 ? 0 : 1000 * parseFloat(value.slice(19, n - 3));
      return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
    }
  }
  return parseDate(value);
}
