import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createClient } from 'graphql-ws';
import { getNamedType, getOperationAST, GraphQLSchema, isInterfaceType, isObjectType, parse, print, specifiedRules, validate } from 'graphql';
import WebSocket from 'ws';
import { closeApp, createApp, RunningApp } from '../src/create-app';
import { loadConfig } from '../src/config/app-config';
import { listBound } from '../src/common/security/list-bounds';
import { documentLimitRules, QueryMeasurer } from '../src/common/security/query-limits.plugin';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { SESSION_COOKIE } from '../src/modules/auth/tokens';
import { expectError, expectNoLeak } from './support/expectations';
import { subscribe, wsUrl } from './support/live';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const C = SEED_IDS.commitments;
const ALLOWED_ORIGIN = 'https://app.pactwatch.test';

/** `agreement { commitments(first: 100) { edges { node { … } } } }`, `times` deep, around `leaf`. */
function fanOut(times: number, leaf = 'id'): string {
  let inner = leaf;
  for (let i = 0; i < times; i++) inner = `agreement { commitments(first: 100) { edges { node { ${inner} } } } }`;
  return inner;
}

/** Links → commitment → links …, `times` deep: the clique that once returned 59,049 nodes to a viewer. */
function linkChain(times: number): string {
  let inner = 'id title';
  for (let i = 0; i < times; i++) inner = `id links { kind commitment { ${inner} } }`;
  return inner;
}

/** One graphql-ws connection that runs one operation and reports its first result or error. */
async function overWebSocket(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: unknown; errors?: GqlResponse['errors'] }> {
  const client = createClient({ url: wsUrl(url), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
  try {
    return await new Promise((resolve, reject) => {
      client.subscribe(
        { query, variables },
        {
          next: (value) => resolve(value as { data?: unknown; errors?: GqlResponse['errors'] }),
          error: (err) => (Array.isArray(err) ? resolve({ errors: err as GqlResponse['errors'] }) : reject(err)),
          complete: () => resolve({}),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** A WebSocket that sends these headers on its upgrade, as a browser sends Origin and cookies. */
function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** The close code of a connection that authenticates only by its upgrade headers, or 0 once acknowledged. */
async function connectWith(url: string, headers: Record<string, string>, connectionParams: Record<string, unknown> = {}): Promise<number> {
  const client = createClient({ url: wsUrl(url), webSocketImpl: socketWith(headers), connectionParams, retryAttempts: 0, lazy: false });
  try {
    return await new Promise<number>((resolve) => {
      client.on('connected', () => resolve(0));
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
  } finally {
    await client.dispose();
  }
}

/** A second API instance on the same database, in this process. */
async function secondInstance(app: TestApp, env: Record<string, string> = {}): Promise<{ running: RunningApp; close: () => Promise<void> }> {
  const url = (app.running.dataSource.options as { url: string }).url;
  const dataDir = mkdtempSync(join(tmpdir(), 'pactwatch-app-'));
  const running = await createApp(loadConfig({ PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'error', DATA_DIR: dataDir, ...env }), url);
  return {
    running,
    close: async () => {
      await closeApp(running);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function post(url: string, query: string, token?: string, variables?: Record<string, unknown>): Promise<GqlResponse & { headers: Headers }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

describe('one gate for every operation, whatever the transport', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ GRAPHQL_WS_MAX_SUBSCRIPTIONS: '2', CORS_ORIGINS: ALLOWED_ORIGIN });
  });
  afterAll(() => app.close());

  it('refuses over WebSocket, with the message HTTP gives, the subscription that once exhausted the heap', async () => {
    const selection = fanOut(5);
    const overHttp = expectError(await app.request({ query: `{ commitment(id: "${C.mxSmuggling}") { ${selection} } }`, token: app.tokens.readKey }), 'BAD_USER_INPUT');
    expect(overHttp.message).toBe('The query is 22 levels deep; at most 12 are allowed');

    const live = subscribe(app.url, { token: app.tokens.readKey }, `subscription { commitmentChanged(id: "${C.mxSmuggling}") { ${selection} } }`);
    await live.ended();
    const [[overWs]] = live.errors as { message: string; extensions: Record<string, unknown> }[][];
    expect(overWs.message).toBe(overHttp.message);
    expect(overWs.extensions.code).toBe('BAD_USER_INPUT');
    await live.close();

    // An edit of that commitment now is an ordinary one, and the server answers on.
    const edit = await app.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }', {
      input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, body: 'Noted.' },
    });
    expect((await app.gql('{ me { kind } }')).data).toEqual({ me: { kind: 'USER' } });
    expect(edit.status).toBeLessThan(500);
  });

  it('bounds what one event of a subscription may carry, below what a query may read once', async () => {
    // 100 commitments + 100 × 100 sources = 10,100 nodes: a query may, an event may not.
    const selection = `agreement { commitments(first: 100) { edges { node { id evidence(first: 100) { edges { node { id } } } } } } }`;
    const query = await app.request({ query: `{ commitment(id: "${C.mxSmuggling}") { ${selection} } }`, token: app.tokens.readKey });
    expect(query.errors).toBeUndefined();
    const live = await overWebSocket(app.url, app.tokens.readKey, `subscription { commitmentChanged(id: "${C.mxSmuggling}") { ${selection} } }`);
    const error = expectError(live as GqlResponse, 'BAD_USER_INPUT');
    expect(error.message).toBe('Each event of the subscription could return 10100 nodes, over the limit of 10000: ask for smaller pages (first) or nest fewer connections');
  });

  it('answers a query or a mutation sent over WebSocket with BAD_USER_INPUT, never INTERNAL, and writes nothing', async () => {
    const read = await overWebSocket(app.url, app.tokens.analyst, '{ me { kind } }');
    expect(expectError(read as GqlResponse, 'BAD_USER_INPUT', 'query').message).toBe(
      'Over WebSocket only subscriptions are served; send a query as an HTTP POST to /graphql',
    );
    const [before] = await app.sql('SELECT version FROM commitments WHERE id = $1', [C.jointStatement]);
    const write = await overWebSocket(
      app.url,
      app.tokens.analyst,
      'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { version } } }',
      { input: { commitmentId: C.jointStatement, expectedVersion: before.version, status: 'IN_PROGRESS', note: 'Drafting' } },
    );
    expectError(write as GqlResponse, 'BAD_USER_INPUT', 'query');
    expect(await app.sql('SELECT version FROM commitments WHERE id = $1', [C.jointStatement])).toEqual([before]);
  });

  it('refuses a document that does not parse or validate over WebSocket as over HTTP', async () => {
    for (const query of ['subscription {', 'subscription { noSuchField }']) {
      const http = expectError(await app.request({ query, token: app.tokens.analyst }), 'BAD_USER_INPUT');
      const ws = expectError((await overWebSocket(app.url, app.tokens.analyst, query)) as GqlResponse, 'BAD_USER_INPUT');
      expect(ws.message).toBe(http.message);
    }
  });

  it('applies the alias, directive and token limits over HTTP and WebSocket alike', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    const directives = Array.from({ length: 51 }, () => '__typename @include(if: true)').join(' ');
    const tokens = Array.from({ length: 6000 }, () => '__typename').join(' ');
    const cases: [string, RegExp][] = [
      [aliases, /^Aliases limit of 30 exceeded, found 31\.$/],
      [`id ${directives}`, /^Directives limit of 50 exceeded, found 51\.$/],
      [tokens, /^Syntax Error: Document contains more that 5000 tokens\. Parsing aborted\.$/],
    ];
    for (const [selection, message] of cases) {
      const http = expectError(await app.request({ query: `{ commitment(id: "${C.mxSmuggling}") { ${selection} } }`, token: app.tokens.analyst }), 'BAD_USER_INPUT');
      expect(http.message).toMatch(message);
      const ws = expectError((await overWebSocket(app.url, app.tokens.analyst, `subscription { activityAdded { ${selection} } }`)) as GqlResponse, 'BAD_USER_INPUT');
      expect(ws.message).toMatch(message);
    }
  });

  it('refuses an empty `since` rather than skipping the catch-up quietly', async () => {
    const res = await overWebSocket(app.url, app.tokens.viewer, 'subscription { activityAdded(since: "") { id } }');
    expect(expectError(res as GqlResponse, 'BAD_USER_INPUT', 'since').message).toBe('since must be an activity id');
  });

  it('refuses a subscription sent over HTTP with BAD_USER_INPUT, not INTERNAL', async () => {
    const error = expectError(await app.request({ query: 'subscription { activityAdded { id } }', token: app.tokens.analyst }), 'BAD_USER_INPUT', 'query');
    expect(error.message).toBe('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP');
  });

  it('holds a connection to GRAPHQL_WS_MAX_SUBSCRIPTIONS live subscriptions', async () => {
    const client = createClient({ url: wsUrl(app.url), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${app.tokens.viewer}` }, retryAttempts: 0 });
    const outcomes: unknown[][] = [[], [], []];
    const disposers = outcomes.map((errors) =>
      client.subscribe({ query: 'subscription { activityAdded { id } }' }, { next: () => undefined, error: (err) => errors.push(err), complete: () => undefined }),
    );
    const deadline = Date.now() + 10_000;
    while (!outcomes[2].length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const [third] = outcomes[2][0] as { message: string; extensions: { code: string } }[];
    expect(third.extensions.code).toBe('RATE_LIMITED');
    expect(third.message).toBe('At most 2 live subscriptions per connection; complete one first');
    expect(outcomes[0]).toEqual([]);
    expect(outcomes[1]).toEqual([]);
    disposers.forEach((dispose) => dispose());
    await client.dispose();
  });

  describe('WebSocket origins', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = `${SESSION_COOKIE}=${await app.signIn('viewer@pactwatch.test')}`;
    });

    it('refuses a session cookie sent from another origin', async () => {
      expect(await connectWith(app.url, { cookie, origin: 'https://evil.example' })).toBe(4403);
    });

    it("takes a session cookie from the app's own origin and from CORS_ORIGINS", async () => {
      expect(await connectWith(app.url, { cookie, origin: app.url })).toBe(0);
      expect(await connectWith(app.url, { cookie, origin: ALLOWED_ORIGIN })).toBe(0);
    });

    it('leaves bearer tokens alone, whatever the origin', async () => {
      expect(await connectWith(app.url, { origin: 'https://evil.example' }, { authorization: `Bearer ${app.tokens.viewer}` })).toBe(0);
    });
  });
});

describe('lists count', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    app = await startTestApp();
    schema = app.running.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => app.close());

  it('gives every list field of the schema a bound: `first`, a connection’s edges, or a declared maximum', () => {
    const unbounded: string[] = [];
    let lists = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const bound = listBound(type, field);
        if (bound.kind === 'not-a-list') continue;
        lists++;
        if (bound.kind === 'undeclared') unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(lists).toBeGreaterThan(30);
    expect(unbounded).toEqual([]);
  });

  it('refuses to a viewer the links → commitment → links chain by its node count', async () => {
    const res = await app.request({ query: `{ commitment(id: "${C.mxSmuggling}") { ${linkChain(5)} } }`, token: app.tokens.viewer });
    const error = expectError(res, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^The query could return \d+ nodes, over the limit of 50000/);
    expect(error.extensions!.nodes).toBeGreaterThan(50 ** 5);
    // Two levels are an ordinary read.
    const ok = await app.request({ query: `{ commitment(id: "${C.mxSmuggling}") { ${linkChain(2)} } }`, token: app.tokens.viewer });
    expect(ok.errors).toBeUndefined();
  });

  it('keeps every document the web client sends within the limits, with pages as large as allowed', () => {
    // The documents as the client sends them: codegen's ASTs, with the fragments they spread.
    const source = readFileSync(join(__dirname, '../../web/src/gql/graphql.ts'), 'utf8');
    const documents = [...source.matchAll(/^export const \w+Document = (\{.*\}) as unknown as DocumentNode/gm)].map(([, json]) => print(JSON.parse(json)));
    expect(documents.length).toBeGreaterThan(20);
    const rules = [...specifiedRules, ...documentLimitRules({ maxAliases: 30, maxDirectives: 50 })];
    const over: string[] = [];
    for (const text of documents) {
      const document = parse(text, { maxTokens: 5000 });
      expect(validate(schema, document, rules)).toEqual([]);
      const operation = getOperationAST(document)!;
      const { depth, nodes } = new QueryMeasurer(schema, document, operation, {}).measure();
      const maxNodes = operation.operation === 'subscription' ? 10000 : 50000;
      if (depth > 12 || nodes > maxNodes) over.push(`${operation.name?.value}: depth ${depth}, ${nodes} nodes`);
    }
    expect(over).toEqual([]);
  });

  it('counts a declared list under every parent: 100 commitments × their parties', () => {
    const document = parse('{ commitments(first: 100) { edges { node { id parties { code } } } } }');
    const { nodes } = new QueryMeasurer(schema, document, getOperationAST(document)!, {}).measure();
    const commitment = schema.getType('Commitment');
    expect(isObjectType(commitment) && getNamedType(commitment.getFields().parties.type).name).toBe('Party');
    expect(nodes).toBe(100 + 100 * 20);
  });
});

describe('fair admission and rate limits', () => {
  let app: TestApp;
  let second: Awaited<ReturnType<typeof secondInstance>>;
  const HEAVY = `{ commitments(first: 50) { totalCount edges { node { id title description sourceQuote parties { code name } themes { slug }
    evidence(first: 20) { totalCount edges { node { id title url publisher } } }
    statusHistory(first: 10) { totalCount edges { node { id from to note } } }
    links { kind commitment { id title } } agreement { id title parties { code } participants { id name } } } } } }`;
  beforeAll(async () => {
    const env = { GRAPHQL_CONCURRENCY: '4', RATE_LIMIT_PER_MINUTE: '100000' };
    app = await startTestApp(env);
    second = await secondInstance(app, env);
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it("answers another caller's query, and the flooder's own `me`, while one caller floods heavy reads on two instances", async () => {
    const FLOOD = 40;
    for (const url of [app.url, second.running.url]) {
      let outstanding = 0;
      const flood = Array.from({ length: FLOOD }, () => {
        outstanding++;
        return post(url, HEAVY, app.tokens.analyst).then((res) => {
          outstanding--;
          return res;
        });
      });
      await new Promise((r) => setTimeout(r, 20));
      const started = Date.now();
      let elapsed = 0;
      let otherWaited = 0;
      let meWaited = 0;
      const [other, me] = await Promise.all([
        post(url, `{ commitment(id: "${C.jointStatement}") { id title status } }`, app.tokens.viewer).then((res) => {
          otherWaited = outstanding;
          elapsed = Date.now() - started;
          return res;
        }),
        post(url, '{ me { kind } }', app.tokens.analyst).then((res) => {
          meWaited = outstanding;
          return res;
        }),
      ]);
      const answers = await Promise.all(flood);
      expect(other.errors).toBeUndefined();
      expect(me.data).toEqual({ me: { kind: 'USER' } });
      expect(answers.map((a) => a.errors ?? [])).toEqual(answers.map(() => []));
      // In arrival order both would have waited for the flood before them: at most the four in the
      // slots could still be outstanding when they answered. The other caller takes a slot the
      // flooder may not (it holds two of the four); the flooder's `me` goes by the light lane. How
      // many more are outstanding depends on the machine's speed; twice the slots is a margin.
      expect(otherWaited).toBeGreaterThan(2 * 4);
      expect(meWaited).toBeGreaterThan(2 * 4);
      console.log(`${url}: the other caller's query answered in ${elapsed} ms with ${otherWaited} of ${FLOOD} heavy reads still outstanding`);
    }
  });
});

describe('every request counts toward the rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => app.close());

  it('counts documents refused before any resolver runs, then answers 429 with Retry-After', async () => {
    // Anonymous, by address; the sign-ins at start used up some of its count already.
    const refusedEarly = ['{', '{ noSuchField }', '{ __typename }', '{ __typename }', '{ __typename }'];
    const statuses: number[] = [];
    let last: GqlResponse & { headers: Headers } = { status: 0, headers: new Headers() };
    for (const query of refusedEarly) {
      last = await post(app.url, query);
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    const error = expectError(last, 'RATE_LIMITED');
    expect(Number(last.headers.get('retry-after'))).toBe(error.extensions!.retryAfter);
    expectNoLeak(last);
  });

  it('counts operations over WebSocket with the same budget', async () => {
    const token = app.tokens.viewer;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await overWebSocket(app.url, token, 'subscription { noSuchField }');
      codes.push(String(res.errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, 4)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(codes[4]).toBe('RATE_LIMITED');
    expectError(await app.request({ query: '{ me { kind } }', token }), 'RATE_LIMITED');
  });
});
