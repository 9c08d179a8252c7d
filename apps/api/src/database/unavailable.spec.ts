import { QueryFailedError } from 'typeorm';
import { checkPoolTimeoutDetection, isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
  it('passes the start-up self-check against the installed pg-pool', async () => {
    await expect(checkPoolTimeoutDetection()).resolves.toBeUndefined();
  });

  it('recognises a refused connection and a server shutting down, also inside a TypeORM error', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(true);
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], shutdown))).toBe(true);
  });

  it('leaves other database errors alone', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], unique))).toBe(false);
    expect(isDatabaseUnavailable(new Error('timeout'))).toBe(false);
    expect(isDatabaseUnavailable('timeout exceeded when trying to connect')).toBe(false);
  });
});
