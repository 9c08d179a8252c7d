import { describe, expect, it } from 'vitest';
import { newestActivity } from '../dashboard/newest-activity';
import { newerCommitment } from '../commitments/newer-commitment';
import { isAfter, laterCursor } from './live-cursor';

describe('the live cursor', () => {
  it('compares activity ids as numbers, not as text', () => {
    expect(isAfter('10', '9')).toBe(true);
    expect(isAfter('9', '10')).toBe(false);
    expect(isAfter('10', '10')).toBe(false);
    expect(isAfter('1', null)).toBe(true);
    expect(isAfter('900719925474099312', '900719925474099311')).toBe(true);
    expect(laterCursor('9', '10')).toBe('10');
    expect(laterCursor(null, '3')).toBe('3');
  });

  it('merges live and loaded activity newest first, each once, up to the limit', () => {
    const e = (id: string) => ({ id });
    expect(newestActivity([e('12'), e('11')], [e('11'), e('10'), e('9')], 3)).toEqual([e('12'), e('11'), e('10')]);
    expect(newestActivity([], [e('2'), e('10')], 5).map((x) => x.id)).toEqual(['10', '2']);
  });

  it('never shows an older version of a commitment over a newer one', () => {
    const shown = { id: 'c1', version: 3, note: 'shown' };
    expect(newerCommitment(shown, { id: 'c1', version: 2, note: 'stale answer' })).toBe(shown);
    expect(newerCommitment(shown, { id: 'c1', version: 3, note: 'new comment, same version' }).note).toBe('new comment, same version');
    expect(newerCommitment(shown, { id: 'c1', version: 4, note: 'newer' }).note).toBe('newer');
    expect(newerCommitment(shown, { id: 'c2', version: 1, note: 'another page' }).note).toBe('another page');
    expect(newerCommitment(null, shown)).toBe(shown);
  });
});
