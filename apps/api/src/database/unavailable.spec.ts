import { createServer, Server } from 'node:net';
import { Client } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
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

  it('recognises what pg says when its connection is lost, and a transaction whose connection TypeORM released', async () => {
    // A "server" that takes the connection and hangs up on it: pg's own errors, as in a restart.
    const server: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', password: 'x' });
      client.on('error', () => undefined);
      const lost = await client.connect().then(() => null, (err: unknown) => err);
      expect([(lost as Error).message, isDatabaseUnavailable(lost)]).toEqual(['Connection terminated unexpectedly', true]);
    } finally {
      server.close();
    }
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused], 'connect failed'))).toBe(true);
  });

  it('leaves other database errors alone', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], unique))).toBe(false);
    expect(isDatabaseUnavailable(new Error('timeout'))).toBe(false);
    expect(isDatabaseUnavailable('timeout exceeded when trying to connect')).toBe(false);
  });
});
