import { getIntrospectionQuery } from 'graphql';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, expectNoLeak } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const ALLOWED_ORIGIN = 'https://app.pactwatch.test';
// A refused request still reads its caller's session first, once: every request counts toward the
// caller's rate limit, and the caller is known only then (graphqlGate). Nothing else runs.
const ONLY_THE_SESSION_READ = 1;
const C = SEED_IDS.commitments;

/** agreement → commitments → edges → node, `times` over, below commitment(id); then `leaf`. */
function nested(times: number, leaf: string): string {
  let inner = leaf;
  for (let i = 0; i < times; i++) inner = `agreement { commitments(first: 1) { edges { node { ${inner} } } } }`;
  return `{ commitment(id: "${C.mxSmuggling}") { ${inner} } }`;
}

// 1 (commitment) + 2×4 + agreement, commitments, totalCount = 12 levels.
const TWELVE_DEEP = nested(2, 'agreement { commitments(first: 1) { totalCount } }');
// The same, one level further: commitments → edges → cursor.
const THIRTEEN_DEEP = nested(2, 'agreement { commitments(first: 1) { edges { cursor } } }');

const THREE_CONNECTIONS = `
  query Three($a: Int!, $c: Int!, $e: Int!) {
    agreements(first: $a) { edges { node { id
      commitments(first: $c) { edges { node { id
        evidence(first: $e) { totalCount edges { node { id title } } }
      } } }
    } } }
  }`;

describe('hardening of the GraphQL endpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://other-app.pactwatch.test` });
  });
  afterAll(() => app.close());

  describe('query depth and node limits', () => {
    it('runs a 12-deep query', async () => {
      const res = await app.gql(TWELVE_DEEP);
      expect(res.errors).toBeUndefined();
      expect(res.data!.commitment.agreement.commitments.edges[0].node.agreement.commitments.edges[0].node.agreement.commitments.totalCount).toBe(5);
    });

    it('refuses a 13-deep query before it runs', async () => {
      let res!: GqlResponse;
      expect(await app.countStatements(async () => (res = await app.gql(THIRTEEN_DEEP)))).toBe(ONLY_THE_SESSION_READ);
      expect(res.status).toBe(400);
      const error = expectError(res, 'BAD_USER_INPUT');
      expect(error.message).toBe('The query is 13 levels deep; at most 12 are allowed');
      expect(error.extensions).toMatchObject({ depth: 13, maxDepth: 12 });
    });

    it('counts depth through fragments and inline fragments', async () => {
      const query = `
        query { commitment(id: "${C.mxSmuggling}") { ...Deep } }
        fragment Deep on Commitment { agreement { commitments(first: 1) { edges { node { ... on Commitment {
          agreement { commitments(first: 1) { edges { node { agreement { commitments(first: 1) { edges { node { agreement { id } } } } } } } } }
        } } } } } }`;
      expect(expectError(await app.gql(query), 'BAD_USER_INPUT').message).toMatch(/^The query is 15 levels deep/);
    });

    it('does not count introspection toward depth: the standard introspection query runs', async () => {
      const res = await app.request({ query: getIntrospectionQuery(), token: app.tokens.owner });
      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.types.map((t: { name: string }) => t.name)).toContain('Commitment');
    });

    it('refuses agreements(100) › commitments(100) › evidence(100) with the limit and the count, before any resolver reads', async () => {
      const query = `{ agreements(first: 100) { edges { node {
        commitments(first: 100) { edges { node { evidence(first: 100) { edges { node { id } } } } } } } } } }`;
      let res!: GqlResponse;
      expect(await app.countStatements(async () => (res = await app.gql(query)))).toBe(ONLY_THE_SESSION_READ);
      expect(res.status).toBe(400);
      const error = expectError(res, 'BAD_USER_INPUT');
      // 100 + 100·100 + 100·100·100, GitHub's way of counting.
      expect(error.message).toMatch(/1010100 nodes, over the limit of 50000/);
      expect(error.extensions).toMatchObject({ nodes: 1_010_100, maxNodes: 50_000 });
    });

    it('takes page sizes from variables as well as literals', async () => {
      let res!: GqlResponse;
      expect(await app.countStatements(async () => (res = await app.gql(THREE_CONNECTIONS, { a: 100, c: 100, e: 100 })))).toBe(ONLY_THE_SESSION_READ);
      expect(expectError(res, 'BAD_USER_INPUT').extensions).toMatchObject({ nodes: 1_010_100 });
      // 40 + 40·30 + 40·30·40 = 49,240: just under.
      const under = await app.gql(THREE_CONNECTIONS, { a: 40, c: 30, e: 40 });
      expect(under.errors).toBeUndefined();
      expect(under.data!.agreements.edges.length).toBeGreaterThan(0);
    });

    it('counts a connection inside a fragment once for every spread', async () => {
      const query = `
        query { a: agreements(first: 50) { ...Commitments } b: agreements(first: 50) { ...Commitments } }
        fragment Commitments on AgreementConnection { edges { node { commitments(first: 100) { edges { node { evidence(first: 5) { totalCount } } } } } } }`;
      // Each spread: 50 + 50·100 + 50·100·5 = 30,050; twice is 60,100.
      expect(expectError(await app.gql(query), 'BAD_USER_INPUT').extensions).toMatchObject({ nodes: 60_100 });
    });

    it('runs a normal nested query', async () => {
      const res = await app.gql(THREE_CONNECTIONS, { a: 10, c: 10, e: 10 });
      expect(res.errors).toBeUndefined();
      const commitments = res.data!.agreements.edges.flatMap((a: any) => a.node.commitments.edges);
      expect(commitments).toHaveLength(5);
      expect(commitments.some((c: any) => c.node.evidence.totalCount > 0)).toBe(true);
    });
  });

  describe('introspection', () => {
    it('is refused to anonymous callers, as UNAUTHENTICATED', async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Commitment") { name } }', 'query { ...S } fragment S on Query { __schema { queryType { name } } }']) {
        const res = await app.request({ query });
        expect(res.status).toBe(401);
        expect(expectError(res, 'UNAUTHENTICATED').message).toMatch(/to read the schema/);
      }
    });

    it('is refused with a session token that is not valid', async () => {
      const res = await app.request({ query: '{ __schema { types { name } } }', token: 'not-a-token' });
      expect(expectError(res, 'UNAUTHENTICATED').message).toMatch(/session token is not valid/);
    });

    it.each([
      ['a session token', 'owner'],
      ['the read-only API key', 'readKey'],
    ] as const)('works with %s', async (_what, who) => {
      const res = await app.request({ query: '{ __schema { types { name } } }', token: app.tokens[who] });
      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.types.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Commitment', 'Agreement']));
    });

    it('leaves __typename to anyone', async () => {
      const res = await app.request({ query: '{ __typename }' });
      expect(res.data).toEqual({ __typename: 'Query' });
    });

    it('does not spell the schema out to anonymous callers through "Did you mean" hints', async () => {
      const query = '{ commitments(first: 1) { edges { node { titel } } } }';
      const anonymous = expectError(await app.request({ query }), 'BAD_USER_INPUT');
      expect(anonymous.message).toBe('Cannot query field "titel" on type "Commitment".');
      const signedIn = expectError(await app.gql(query), 'BAD_USER_INPUT');
      expect(signedIn.message).toMatch(/Did you mean "title"\?/);
    });
  });

  describe('CSRF prevention', () => {
    it('refuses a text/plain POST without a preflight header, running nothing but the session read', async () => {
      let res!: Response;
      const statements = await app.countStatements(async () => {
        res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', authorization: `Bearer ${app.tokens.owner}` },
          body: JSON.stringify({ query: 'mutation { signOut { done } }' }),
        });
      });
      expect(statements).toBe(ONLY_THE_SESSION_READ);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      // The owner's session is still open.
      expect((await app.request({ query: '{ me { kind } }', token: app.tokens.owner })).data).toEqual({ me: { kind: 'USER' } });
    });

    it('refuses a GET query without a preflight header, and runs it with one', async () => {
      const url = `${app.url}/graphql?query=${encodeURIComponent('{ me { kind } }')}`;
      const auth = { authorization: `Bearer ${app.tokens.analyst}` };
      let refused!: Response;
      expect(await app.countStatements(async () => (refused = await fetch(url, { headers: auth })))).toBe(ONLY_THE_SESSION_READ);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);

      const allowed = await fetch(url, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({ data: { me: { kind: 'USER' } } });
    });
  });

  describe('security headers', () => {
    it('sends nosniff and a content security policy, and no X-Powered-By', async () => {
      for (const res of [await app.request({ query: '{ __typename }' }), await fetch(`${app.url}/health`)]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
        expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });

    it('echoes an allowed origin, with credentials, on the preflight and the request', async () => {
      const pre = await preflight(ALLOWED_ORIGIN);
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);

      const res = await app.request({ query: '{ me { kind } }', headers: { origin: ALLOWED_ORIGIN } });
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('gives any other origin no CORS headers', async () => {
      for (const origin of ['https://evil.example', 'http://app.pactwatch.test', 'https://app.pactwatch.test.evil.example']) {
        const pre = await preflight(origin);
        expect(pre.headers.get('access-control-allow-origin')).toBeNull();
        expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
        const res = await app.request({ query: '{ me { kind } }', headers: { origin } });
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('errors for bad documents', () => {
    it('answers an unknown field with BAD_USER_INPUT', async () => {
      const res = await app.gql('{ commitments(first: 1) { edges { node { id secretColumn } } } }');
      expect(res.status).toBe(400);
      expect(expectError(res, 'BAD_USER_INPUT').message).toMatch(/Cannot query field "secretColumn" on type "Commitment"/);
    });

    it('answers a syntax error with BAD_USER_INPUT', async () => {
      const res = await app.gql('{ commitments(first: 1) { edges { node { id ');
      expect(res.status).toBe(400);
      expect(expectError(res, 'BAD_USER_INPUT').message).toMatch(/^Syntax Error/);
    });
  });
});

describe('rate limits per caller', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => app.close());

  // Three root fields: the request still counts once.
  const THREE_ROOT_FIELDS = '{ a: me { kind } b: me { role } c: parties { code } }';

  it('lets a person make 5 requests a minute, counting each once however many root fields, then refuses with RATE_LIMITED', async () => {
    const asAnalyst = (query: string) => app.request({ query, token: app.tokens.analyst });
    for (let i = 1; i <= 5; i++) {
      const res = await asAnalyst(THREE_ROOT_FIELDS);
      expect(res.errors).toBeUndefined();
      expect(res.headers.get('x-ratelimit-limit')).toBe('5');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
    }
    const res = await asAnalyst('{ me { kind } }');
    const error = expectError(res, 'RATE_LIMITED');
    expect(error.message).toMatch(/^Too many requests: at most 5 a minute/);
    expect(error.extensions!.retryAfter).toBeGreaterThan(0);
    expect(error.extensions!.retryAfter).toBeLessThanOrEqual(60);
    expect(Number(res.headers.get('retry-after'))).toBe(error.extensions!.retryAfter);
  });

  it('refuses a request with several root fields as a whole', async () => {
    const res = await app.gql(THREE_ROOT_FIELDS);
    expect(res.data ?? null).toBeNull();
    expect(res.errors!.length).toBeGreaterThan(0);
    expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['RATE_LIMITED']));
    expectNoLeak(res);
  });

  it('still serves another person and an API key of the same workspace', async () => {
    const viewer = await app.request({ query: '{ me { role } }', token: app.tokens.viewer });
    expect(viewer.data).toEqual({ me: { role: 'VIEWER' } });
    const key = await app.request({ query: '{ me { kind } }', token: app.tokens.readKey });
    expect(key.data).toEqual({ me: { kind: 'API_KEY' } });
  });

  it('counts a person across sessions: a new sign-in does not reset the count', async () => {
    // Signing in is anonymous, counted by address (the fourth from it, after the three at start).
    const again = await app.signIn(DEMO_USERS.analyst.email);
    expectError(await app.request({ query: '{ me { kind } }', token: again }), 'RATE_LIMITED');
  });

  it('limits anonymous callers by address', async () => {
    const reset = 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { done } }';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.request({ query: reset, variables: { input: { email: 'nobody@example.test' } } });
      codes.push(res.errors?.[0]?.extensions?.code);
    }
    // Whatever the sign-ins at start used up of this address's five, the sixth is refused.
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.filter((c) => c && c !== 'RATE_LIMITED')).toEqual([]);
    // The people keep their own counts.
    expect((await app.request({ query: '{ me { kind } }', token: app.tokens.owner })).data).toEqual({ me: { kind: 'USER' } });
  });
});

describe('internal errors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('say only "Internal server error", with no SQL, table name or stack', async () => {
    // A fault the API cannot foresee: a table gone from under it.
    await app.sql('DROP TABLE themes CASCADE');
    const res = await app.request({ query: '{ themes { slug name } }', token: app.tokens.analyst });
    const error = expectError(res, 'INTERNAL');
    expect(error.message).toBe('Internal server error');
    // The request id, as in the x-request-id header and the request's log lines, to find them by.
    expect(error.extensions).toEqual({ code: 'INTERNAL', requestId: res.headers.get('x-request-id') });
    // The path names the GraphQL field; nothing else may name the table or the driver's complaint.
    expect(error.path).toEqual(['themes']);
    expect(JSON.stringify({ ...error, path: undefined })).not.toMatch(/themes|relation|does not exist|QueryFailed|42P01/i);
  });
});
