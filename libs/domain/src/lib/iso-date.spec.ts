import { isIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it.each(['2024-01-01', '2024-12-31', '2024-02-29', '2000-02-29', '2023-04-30', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (value) => expect(isIsoDate(value)).toBe(true),
  );

  it.each([
    ['0000-01-01', 'the year 0, which the calendar (and PostgreSQL) does not have'],
    ['0000-12-31', 'the last day of the year 0'],
    ['2023-02-30', 'a day past the end of February'],
    ['2023-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century that is not a leap year'],
    ['2023-04-31', 'the 31st of a 30-day month'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
    ['2023-1-01', 'a one-digit month'],
    ['2023-01-1', 'a one-digit day'],
    ['23-01-01', 'a two-digit year'],
    ['2023/01/01', 'slashes'],
    ['20230101', 'no separators'],
    ['2023-01-01T00:00:00Z', 'a timestamp'],
    [' 2023-01-01', 'a leading space'],
    ['2023-01-01\n', 'a trailing newline'],
    ['２０２３-01-01', 'full-width digits'],
    ['202a-01-01', 'a letter in the year'],
    ['2023-0a-01', 'a letter in the month'],
    ['2023-01-0a', 'a letter in the day'],
    ['2023-+1-01', 'a sign in the month'],
    ['2023_01-01', 'another separator of the same length'],
    ['', 'an empty string'],
  ])('refuses %j (%s)', (value) => expect(isIsoDate(value)).toBe(false));

  it('refuses non-strings from JS callers', () => {
    expect(isIsoDate(null as unknown as string)).toBe(false);
    expect(isIsoDate(new Date() as unknown as string)).toBe(false);
  });
});
