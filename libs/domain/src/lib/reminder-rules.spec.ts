import { checkReminderDaysBefore, normalizeReminderDaysBefore } from './reminder-rules';

describe('reminder offsets', () => {
  it('accepts up to five distinct whole days from 0 to 365, and none at all', () => {
    expect(checkReminderDaysBefore('daysBefore', [7, 1])).toEqual([]);
    expect(checkReminderDaysBefore('daysBefore', [0, 365, 30, 14, 3])).toEqual([]);
    expect(checkReminderDaysBefore('daysBefore', [])).toEqual([]);
  });

  it('refuses more than five, out of range, fractions and repeats, naming the field', () => {
    for (const days of [[1, 2, 3, 4, 5, 6], [-1], [366], [1.5], [7, 7]]) {
      const [violation] = checkReminderDaysBefore('daysBefore', days);
      expect(violation.field).toBe('daysBefore');
    }
  });

  it('keeps them largest first', () => {
    expect(normalizeReminderDaysBefore([1, 14, 7])).toEqual([14, 7, 1]);
  });
});
