import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

type LogLine = Record<string, any>;

describe('logs: JSON lines with a request id, the operation and the caller, and no credentials', () => {
  let app: TestApp;
  const written: string[] = [];
  const lines = (): LogLine[] => written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  /** The lines matching `match`, once the request's line has been written (it is, when the response ends). */
  const waitForLine = async (match: (line: LogLine) => boolean): Promise<LogLine> => {
    for (let i = 0; i < 100; i++) {
      const line = lines().find(match);
      if (line) return line;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no such log line among:\n${written.join('')}`);
  };
  const requestLine = (requestId: string) => waitForLine((l) => l.reqId === requestId && l.res?.statusCode !== undefined);

  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: { write: (chunk: string) => void written.push(chunk) } });
  }, 60_000);
  afterAll(() => app.close());

  it('writes one line per request: request id (echoed in x-request-id), operation name, caller kind, duration and status; credentials redacted', async () => {
    const res = await app.request({
      query: 'query WhoAmI { me { kind } }',
      token: app.tokens.analyst,
      headers: { 'x-request-id': 'report-4711', cookie: 'pactwatch_session=secret-cookie-value' },
    });
    expect(res.data).toEqual({ me: { kind: 'USER' } });
    expect(res.headers.get('x-request-id')).toBe('report-4711');

    const line = await requestLine('report-4711');
    expect(line).toMatchObject({
      level: 30,
      operation: 'WhoAmI',
      caller: 'user',
      req: { method: 'POST', url: '/graphql', headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      res: { statusCode: 200 },
    });
    expect(line.responseTime).toEqual(expect.any(Number));
    expect(typeof line.time).toBe('string');
    expect(lines().filter((l) => l.reqId === 'report-4711' && l.res)).toHaveLength(1);
    expect(written.join('')).not.toContain(app.tokens.analyst);
    expect(written.join('')).not.toContain('secret-cookie-value');
  });

  it('names API keys and anonymous callers by kind only, and an unnamed operation by its root fields', async () => {
    const keyed = await app.request({ query: '{ me { kind } }', token: app.tokens.readKey });
    const anonymous = await app.request({ query: '{ __typename }' });
    expect(await requestLine(keyed.headers.get('x-request-id')!)).toMatchObject({ caller: 'apiKey', operation: 'me' });
    expect(await requestLine(anonymous.headers.get('x-request-id')!)).toMatchObject({ caller: 'anonymous', operation: '__typename' });
    expect(written.join('')).not.toContain(app.tokens.readKey);
  });

  it('replaces an incoming x-request-id that is not short and plain with its own', async () => {
    const res = await app.request({ query: '{ __typename }', headers: { 'x-request-id': `${'x'.repeat(200)} <script>` } });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await requestLine(id)).res.statusCode).toBe(200);
  });

  it('logs a failing SQL statement at error level by its name, without its parameters', async () => {
    await expect(app.running.dataSource.query('SELECT $1::int AS n', ['not-a-number-4711'])).rejects.toThrow();
    const line = await waitForLine((l) => l.context === 'SQL');
    expect(line).toMatchObject({ level: 50, statement: 'SELECT $1::int AS n', err: { code: '22P02' } });
    expect(JSON.stringify(line)).not.toContain('not-a-number-4711');
  });

  it('gives an INTERNAL error the request id of its log lines', async () => {
    // A fault the API cannot foresee (as in hardening.spec): a table gone from under it.
    await app.sql('DROP TABLE themes CASCADE');
    const res = await app.request({ query: 'query Themes { themes { slug } }', token: app.tokens.analyst });
    const requestId = res.headers.get('x-request-id')!;
    expect(expectError(res, 'INTERNAL').extensions).toEqual({ code: 'INTERNAL', requestId });

    const internal = await waitForLine((l) => l.context === 'GraphQL' && l.requestId === requestId);
    expect(internal).toMatchObject({ level: 50, msg: 'Internal server error', err: { message: 'relation "themes" does not exist' } });
    const sql = await waitForLine((l) => l.context === 'SQL' && l.requestId === requestId);
    expect(sql.statement).toMatch(/^SELECT /);
    expect(JSON.stringify(sql)).not.toContain(SEED_IDS.workspace);
    // Nor does any other line give the statement's parameters (TypeORM keeps them on its error).
    expect(written.join('')).not.toContain(SEED_IDS.workspace);
    expect(await requestLine(requestId)).toMatchObject({ operation: 'Themes', caller: 'user', res: { statusCode: 200 } });
  });
});
