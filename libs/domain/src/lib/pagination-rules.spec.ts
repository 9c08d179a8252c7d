import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { checkPageSize, CURSOR_MAX_LENGTH, decodeCursor, encodeCursor, PAGE_SIZE_MAX } from './pagination-rules';

describe('checkPageSize', () => {
  it('allows 1 to 100', () => {
    expect(PAGE_SIZE_MAX).toBe(100);
    expect(checkPageSize(1)).toBeNull();
    expect(checkPageSize(20)).toBeNull();
    expect(checkPageSize(100)).toBeNull();
  });

  it.each([0, -1, 101, 1.5, NaN, Infinity])('refuses %p', (first) => {
    expect(checkPageSize(first)).toEqual({ field: 'first', message: 'first must be a whole number from 1 to 100' });
  });

  it('refuses a numeric string from a JS caller', () => {
    expect(checkPageSize('10' as unknown as number)).not.toBeNull();
  });

  it('names the given field', () => {
    expect(checkPageSize(101, 'last')).toEqual({ field: 'last', message: 'last must be a whole number from 1 to 100' });
  });
});

describe('cursors', () => {
  it.each([
    [[]],
    [['2024-06-15', 42]],
    [[null, true, 'ñandú', '😀', { nested: [1] }]],
    [['a'.repeat(200)]],
  ])('round-trips %j', (parts) => {
    const cursor = encodeCursor(parts);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(parts);
  });

  it('encodes as unpadded base64url of the JSON', () => {
    // '[">?"]' exercises both alphabet characters that differ from plain base64.
    const cursor = encodeCursor(['>?']);
    expect(cursor).toBe(Buffer.from('[">?"]').toString('base64url'));
    expect(cursor).not.toMatch(/[+/=]/);
  });

  it('reads the canonical twin of the non-canonical cursor refused below', () => {
    expect(decodeCursor('WzEyXQ')).toEqual([12]);
  });

  it('decodes what Node itself encodes, for every length remainder', () => {
    for (const json of ['[1]', '[12]', '[123]', '["abcdef"]']) {
      expect(decodeCursor(Buffer.from(json).toString('base64url'))).toEqual(JSON.parse(json));
    }
  });

  const b64 = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', '[1]'],
    ['plain base64 with +', b64('[">>>"]').replace(/-/g, '+')],
    ['padding', Buffer.from('[1]!').toString('base64')],
    ['an impossible length', 'WzFd' + 'A'],
    // 'WzEyXQ' is '[12]'; 'R' differs from 'Q' only in bits that fall off the end.
    ['non-canonical leftover bits', 'WzEyXR'],
    ['bytes that are not UTF-8', Buffer.from([0x5b, 0xff, 0x5d]).toString('base64url')],
    ['text that is not JSON', b64('not json')],
    ['JSON that is an object', b64('{"a":1}')],
    ['JSON that is a string', b64('"[1]"')],
    ['JSON null', b64('null')],
    ['a number', b64('1')],
    ['a cursor over 1000 characters', encodeCursor(['x'.repeat(800)])],
  ])('refuses %s', (_what, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('after is not a valid cursor');
    expect(error.details).toEqual({
      field: 'after',
      violations: [{ field: 'after', message: 'after is not a valid cursor' }],
    });
  });

  it('accepts a cursor of exactly 1000 characters and refuses 1001', () => {
    expect(CURSOR_MAX_LENGTH).toBe(1000);
    // JSON '["xxx…"]' of 750 bytes encodes to exactly 1000 base64url characters.
    const at = encodeCursor(['x'.repeat(746)]);
    expect(at).toHaveLength(1000);
    expect(decodeCursor(at)).toEqual(['x'.repeat(746)]);
    // 1001 characters can never be base64url, so the nearest well-formed cursor over the limit is 1002.
    const over = encodeCursor(['x'.repeat(747)]);
    expect(over).toHaveLength(1002);
    expect(() => decodeCursor(over)).toThrow('after is not a valid cursor');
    expect(() => decodeCursor(at + 'A')).toThrow('after is not a valid cursor');
  });

  it('refuses a non-string from a JS caller', () => {
    expect(() => decodeCursor(123 as unknown as string)).toThrow(DomainError);
  });

  it('names the given field', () => {
    expect(() => decodeCursor('!!', 'before')).toThrow('before is not a valid cursor');
  });
});
