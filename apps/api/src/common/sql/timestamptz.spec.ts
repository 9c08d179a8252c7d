import { types } from 'pg';
import { parseTimestamptz } from './timestamptz';

// pg's default parser for timestamptz (postgres-date).
const parseDate = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

describe('parseTimestamptz', () => {
  const same = (text: string) => {
    const expected = parseDate(text) as Date | number | null;
    const actual = parseTimestamptz(text);
    expect(actual instanceof Date ? actual.getTime() : actual).toEqual(expected instanceof Date ? expected.getTime() : expected);
  };

  it('gives the same Date as postgres-date for what a UTC session sends', () => {
    for (const text of [
      '2024-01-31 12:34:56+00',
      '2024-01-31 12:34:56.1+00',
      '2024-01-31 12:34:56.29+00',
      '2024-01-31 12:34:56.123456+00',
      '2024-02-29 23:59:59.999999+00',
      '1999-12-31 00:00:00.000001+00',
      '0100-01-01 00:00:00+00',
      '9999-12-31 23:59:59.5+00',
    ]) same(text);
  });

  it('gives the same Date for random instants, fractions of every length included', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const iso = new Date(Date.UTC(1970 + Math.floor(next() * 100), 0, 1) + Math.floor(next() * 365 * 86400000)).toISOString();
      const fraction = String(Math.floor(next() * 1_000_000)).padStart(6, '0').slice(0, 1 + Math.floor(next() * 6));
      same(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${i % 7 === 0 ? '' : `.${fraction}`}+00`);
    }
  });

  it('leaves everything else to postgres-date', () => {
    for (const text of ['2024-01-31 12:34:56+02', '2024-01-31 12:34:56.5-05:30', '0044-03-15 12:00:00+00 BC', '0050-01-01 00:00:00+00', 'infinity', '-infinity', '12024-01-01 00:00:00+00', '2024-01-3x 12:34:56+00']) {
      same(text);
    }
  });
});
