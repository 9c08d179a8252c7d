import { ErrorCode } from './error-code';

describe('ErrorCode', () => {
  it('uses each key as its value, since the codes go over the wire', () => {
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key);
  });

  it('has exactly the agreed codes', () => {
    expect(Object.values(ErrorCode).sort()).toEqual(
      ['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'RATE_LIMITED', 'UNAUTHENTICATED', 'UNAVAILABLE'],
    );
  });
});
