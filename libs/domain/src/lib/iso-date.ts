function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by the ASCII digits of value[from, to), or -1 when any of them is not one. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Strict `YYYY-MM-DD` that names a real calendar day (no `Date` parsing, which rolls 02-30 over),
 * from 0001-01-01 to 9999-12-31: the proleptic Gregorian calendar has no year 0, and PostgreSQL
 * refuses `0000-…`. Read character by character: the API checks every due date it serves (and `today` with each),
 * and a regular expression's match array per date was garbage on every nested read.
 */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
