import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { FAST_PATH_PIECES } from '../src/common/graphql/fast-path';
import { readsThroughPg } from '../src/common/sql/read-rows';
import { buildCall, FillPolicy, loadServedSchema, operationsOf } from './support/schema-walk';
import { refsOf } from './support/tenancy';
import { startTestApp, TestApp } from './support/test-app';

// The same reads, on the same database, through the fast path (GRAPHQL_FAST_PATH=on, the default)
// and through the stock Nest + Apollo + graphql-js + pg path (off): the answers must be the same
// bytes, errors included.

const LIST = `
  query List($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id title status dueOn overdue parties { code } themes { slug } } }
    }
  }`;

const EVIDENCE = 'query($id: ID!, $first: Int!, $after: String) { commitment(id: $id) { evidence(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }';
const FIELDS = 'id title description sourceQuote status priority dueOn overdue version createdAt updatedAt';
const CHANGE = 'id from to note reasonCode actor commitmentVersion createdAt evidence { id }';

/** The reads of nested-read-ahead.spec.ts and commitments-read.spec.ts. */
const READS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  // nested-read-ahead.spec.ts
  {
    name: 'aliases of a relation with their own arguments',
    query: `query($n: Int!) { commitments(first: 10) { edges { node { id
      one: evidence(first: 1) { edges { node { id } } }
      some: evidence(first: $n) { totalCount edges { node { id } } }
      parties { code }
    } } } }`,
    variables: { n: 3 },
  },
  { name: 'every evidence column', query: '{ commitments(first: 10) { edges { node { id evidence(first: 5) { edges { node { id url title publisher publishedOn kind stance addedBy createdAt version } } } } } } }' },
  {
    name: 'some evidence columns, through a fragment and an alias',
    query: `fragment S on Evidence { publishedOn }
      { commitments(first: 10) { edges { node { id evidence(first: 5) { totalCount edges { cursor node { t: title kind __typename ...S } } } } } } }`,
  },
  {
    name: "an agreement's commitments with every field",
    query: `{ agreements(first: 10) { edges { node { commitments(first: 10) { edges { node {
      ${FIELDS} parties { code } agreement { id } latestStatusChange { ${CHANGE} } } } } } } } }`,
  },
  {
    name: "an agreement's commitments with a few fields",
    query: `{ agreements(first: 10) { edges { node { commitments(first: 10) { edges { node {
      id status overdue dueOn agreement { id } parties { code } latestStatusChange { note } } } } } } } }`,
  },
  { name: 'commitments at the top', query: `{ commitments(first: 100) { edges { node { ${FIELDS} parties { code } agreement { id } latestStatusChange { ${CHANGE} } } } } }` },
  {
    name: 'a fragment at two depths',
    query: `fragment C on Commitment { id parties { code } latestStatusChange { to } }
      { commitments(first: 10) { edges { node { ...C links { commitment { ...C } } } } } }`,
  },
  { name: 'a page of evidence', query: EVIDENCE, variables: { id: SEED_IDS.commitments.usRepatriationFlights, first: 2 } },
  { name: 'all the evidence', query: EVIDENCE, variables: { id: SEED_IDS.commitments.usRepatriationFlights, first: 6 } },
  {
    name: 'pages without totals or cursors',
    query: `{ agreements(first: 5) { edges { node { id
      commitments(first: 3) { edges { node { id evidence(first: 2) { edges { node { id } } } statusHistory(first: 1) { edges { node { id } } } } } }
    } } } }`,
  },
  {
    name: 'pages with totals and cursors',
    query: `{ agreements(first: 5) { edges { node { id
      commitments(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id
        evidence(first: 2) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } }
        statusHistory(first: 1) { totalCount edges { node { id } } }
      } } }
    } } } }`,
  },
  { name: 'a bad nested argument', query: '{ agreements(first: 1) { edges { node { id commitments(first: 0) { totalCount } } } } }' },
  {
    name: 'a NUL in a nested argument',
    query: 'query($a: String) { commitments(first: 1) { edges { node { evidence(first: 1, after: $a) { totalCount } } } } }',
    variables: { a: 'x\u0000' },
  },
  { name: 'a commitment with its relations', query: 'query($id: ID!) { commitment(id: $id) { version parties { code } evidence(first: 1) { totalCount } } }', variables: { id: SEED_IDS.commitments.mxSmuggling } },
  // commitments-read.spec.ts
  { name: 'the list', query: LIST, variables: { first: 10 } },
  { name: 'the list by status', query: LIST, variables: { first: 100, filter: { status: ['IN_PROGRESS'] } } },
  { name: 'the list by party', query: LIST, variables: { first: 100, filter: { partyCodes: ['MX'] } } },
  ...[
    { search: 'human smuggling' },
    { search: 'smuggling -CBP' },
    { partyCodes: ['mx'], status: ['IN_PROGRESS'] },
    { themes: ['joint-statement'] },
    { agreementId: SEED_IDS.agreements.migrationTalks },
    { overdue: true },
    { overdue: false },
    { dueAfter: '2024-01-31', dueBefore: '2024-01-31' },
  ].map((filter) => ({ name: `the list filtered by ${JSON.stringify(filter)}`, query: LIST, variables: { first: 100, filter } })),
  ...[undefined, { field: 'TITLE', direction: 'DESC' }, { field: 'DUE_ON' }, { field: 'PRIORITY', direction: 'DESC' }, { field: 'UPDATED_AT' }].flatMap((orderBy) => [
    { name: `the list ordered by ${JSON.stringify(orderBy)}`, query: LIST, variables: { first: 100, orderBy } },
    { name: `the first page ordered by ${JSON.stringify(orderBy)}`, query: LIST, variables: { first: 2, orderBy } },
  ]),
  {
    name: 'one commitment with everything',
    query: `query One($id: ID!) {
      commitment(id: $id) {
        title sourceQuote status version
        agreement { title parties { code } participants { name } sources { title } }
        owner { acronym party { code } } ownerPerson { name }
        evidence(first: 5) { totalCount edges { node { title kind stance } } }
        statusHistory(first: 10) { totalCount edges { node { from to note evidence { title } } } }
        latestStatusChange { to }
        links { kind direction commitment { id } }
        indicators { name unit baselineOn observations { value asOf current } latestObservation { value } }
      }
    }`,
    variables: { id: SEED_IDS.commitments.usRepatriationFlights },
  },
  { name: 'a commitment that does not exist', query: 'query($id: ID!) { commitment(id: $id) { id } }', variables: { id: '00000000-0000-4000-8000-999999999999' } },
  {
    name: 'reference data and agreements',
    query: '{ parties { code name } themes { slug } agreements(first: 10) { totalCount edges { node { title kind heldOn commitments(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } } } } }',
  },
  { name: 'indicator values', query: '{ commitments(first: 20) { edges { node { indicators { latestObservation { value current } observations { value } } } } } }' },
];

describe('the fast path answers byte for byte as the stock path', () => {
  let fast: TestApp;
  let stock: TestApp;
  // Apps with one piece off each, closed with the others at the end: passport's strategies are
  // process-wide, so the last app started checks the tokens of all (on its own pool).
  const others: TestApp[] = [];
  beforeAll(async () => {
    // The same address in links (digest previews) from both, whatever port each took.
    fast = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://pactwatch.test' });
    stock = await fast.twin({ GRAPHQL_FAST_PATH: 'off' });
  });
  afterAll(async () => {
    for (const other of others) await other.close();
    await stock?.close();
    await fast?.close();
  });

  it('runs one app with every piece engaged and one with none', () => {
    for (const piece of FAST_PATH_PIECES) {
      expect({ piece, fast: fast.running.fastPath.report()[piece].state, stock: stock.running.fastPath.report()[piece].state }).toEqual({ piece, fast: 'engaged', stock: 'off' });
    }
  });

  /** Both answers, as the bytes of the whole response; asked of the stock app first, then the fast one. */
  const both = async (query: string, variables: Record<string, unknown> | undefined, token: string) => {
    const s = await stock.request({ query, variables, token });
    const f = await fast.request({ query, variables, token });
    const bytes = (r: typeof s) => JSON.stringify({ status: r.status, data: r.data, errors: r.errors });
    return { fast: bytes(f), stock: bytes(s) };
  };

  it.each(READS.map((r) => [r.name, r] as const))('answers %s the same', async (_name, read) => {
    const before = fast.running.fastPath.compiledExecutions;
    const { fast: f, stock: s } = await both(read.query, read.variables, fast.tokens.analyst);
    expect(f).toBe(s);
    expect(f).toContain('"data"');
    // The fast app really ran it compiled, unless graphql-js is to read its variables: those that
    // can hold an input with a defaulted non-null field ($orderBy: see variablesCompilable in
    // compiled-executor.ts).
    const interpreted = /\$orderBy: CommitmentOrder/.test(read.query);
    expect(fast.running.fastPath.compiledExecutions - before).toBe(interpreted ? 0 : 1);
  });

  it.each(FAST_PATH_PIECES.map((p) => [p]))('answers the same with only %s off', async (piece) => {
    const one = await fast.twin({ GRAPHQL_FAST_PATH_OFF: piece });
    others.push(one);
    const report = one.running.fastPath.report();
    // preload calls the direct resolvers: without them it is off too.
    const off = piece === 'direct-resolvers' ? ['direct-resolvers', 'preload'] : [piece];
    for (const p of FAST_PATH_PIECES) expect({ p, state: report[p].state }).toEqual({ p, state: off.includes(p) ? 'off' : 'engaged' });
    for (const read of READS) {
      const s = await stock.request({ query: read.query, variables: read.variables, token: fast.tokens.viewer });
      const o = await one.request({ query: read.query, variables: read.variables, token: fast.tokens.viewer });
      const bytes = (r: typeof s) => JSON.stringify({ status: r.status, data: r.data, errors: r.errors });
      expect({ read: read.name, answer: bytes(o) }).toEqual({ read: read.name, answer: bytes(s) });
    }
  });

  it("answers every query of the schema walk the same, as analyst, viewer and API key", async () => {
    const schema = await loadServedSchema(fast, fast.tokens.owner);
    const refs = await refsOf(fast, SEED_IDS.workspace);
    const policy: FillPolicy = {
      include: () => true,
      ref: (slot, ordinal) => {
        const pool = refs[slot.kind];
        if (slot.kind === 'partyCode' && slot.list) return pool;
        const one = pool[ordinal % pool.length] ?? '00000000-0000-4000-8000-999999999999';
        return slot.list ? [one] : one;
      },
      credentials: { email: 'nobody@example.test', password: 'not a password' },
      address: 'nobody@example.test',
    };
    const queries = operationsOf(schema, 'query');
    expect(queries.length).toBeGreaterThan(10);
    const differences: string[] = [];
    let compared = 0;
    for (const op of queries) {
      const call = buildCall(op, policy);
      for (const [caller, token] of [['analyst', fast.tokens.analyst], ['viewer', fast.tokens.viewer], ['API key', fast.tokens.readKey]] as const) {
        const answers = await both(call.query, call.variables, token);
        // The digest preview's window ends at the moment it is asked: those two instants aside, byte for byte.
        const [f, s] = [answers.fast, answers.stock].map((a) =>
          op.name === 'digestPreview' ? a.replace(/"(windowStart|windowEnd)":"[^"]*"/g, '"$1":"(now)"') : a,
        );
        compared++;
        let at = 0;
        while (at < f.length && f[at] === s[at]) at++;
        if (f !== s) differences.push(`${op.name} as ${caller}, from character ${at}:\n  fast:  …${f.slice(Math.max(0, at - 100), at + 200)}\n  stock: …${s.slice(Math.max(0, at - 100), at + 200)}`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(queries.length * 3);
    // The stock app never compiled a query, and read rows through pg's own.
    expect(stock.running.fastPath.compiledExecutions).toBe(0);
    expect(readsThroughPg(stock.running.dataSource)).toBe(true);
  }, 120_000);
});
