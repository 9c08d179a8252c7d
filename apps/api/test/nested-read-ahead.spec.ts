import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { startTestApp, TestApp } from './support/test-app';

// Relations under a query's root fields are resolved ahead, a level at a time (common/graphql/
// preload.ts), and field resolvers are called without Nest's per-call pipeline
// (direct-field-resolvers.ts): the answers must be exactly those of resolving each field on its own.
describe('nested reads resolved ahead', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // More evidence on one commitment, so that pages of different sizes differ.
    for (let i = 0; i < 4; i++) {
      const id = `00000000-0000-4000-8000-00000000e0${i}0`;
      await app.sql(
        `INSERT INTO evidence (id, workspace_id, url, title, kind, stance, added_by) VALUES ($1, $2, $3, $4, 'NEWS', 'SUPPORTS', 'test')`,
        [id, SEED_IDS.workspace, `https://example.org/${i}`, `Extra source ${i}`],
      );
      await app.sql('INSERT INTO commitment_evidence (commitment_id, evidence_id, workspace_id) VALUES ($1, $2, $3)', [
        SEED_IDS.commitments.usRepatriationFlights, id, SEED_IDS.workspace,
      ]);
    }
  });
  afterAll(() => app.close());

  const evidenceOf = async (id: string, first: number, after?: string) => {
    const res = await app.gql(
      'query($id: ID!, $first: Int!, $after: String) { commitment(id: $id) { evidence(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }',
      { id, first, after },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.commitment.evidence;
  };

  it('gives each alias of a relation its own arguments, variables included', async () => {
    const res = await app.gql(
      `query($n: Int!) { commitments(first: 10) { edges { node { id
         one: evidence(first: 1) { edges { node { id } } }
         some: evidence(first: $n) { totalCount edges { node { id } } }
         parties { code }
       } } } }`,
      { n: 3 },
    );
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.commitments.edges) {
      const three = await evidenceOf(node.id, 3);
      expect(node.some.totalCount).toBe(three.totalCount);
      expect(node.some.edges.map((e: any) => e.node.id)).toEqual(three.edges.map((e: any) => e.node.id));
      expect(node.one.edges.map((e: any) => e.node.id)).toEqual(three.edges.slice(0, 1).map((e: any) => e.node.id));
    }
    const flights = res.data!.commitments.edges.find((e: any) => e.node.id === SEED_IDS.commitments.usRepatriationFlights).node;
    expect(flights.some.edges).toHaveLength(3);
  });

  it('reads only the columns of the fields asked for, with the same values', async () => {
    const ALL = 'id url title publisher publishedOn kind stance addedBy createdAt version';
    const all = await app.gql(`{ commitments(first: 10) { edges { node { id evidence(first: 5) { edges { node { ${ALL} } } } } } } }`);
    const some = await app.gql(
      `fragment S on Evidence { publishedOn }
       { commitments(first: 10) { edges { node { id evidence(first: 5) { totalCount edges { cursor node { t: title kind __typename ...S } } } } } } }`,
    );
    expect(all.errors).toBeUndefined();
    expect(some.errors).toBeUndefined();
    const full = new Map(all.data!.commitments.edges.map((e: any) => [e.node.id, e.node.evidence.edges.map((x: any) => x.node)]));
    for (const { node } of some.data!.commitments.edges) {
      const expected = (full.get(node.id) as any[]).map((x) => ({ t: x.title, kind: x.kind, __typename: 'Evidence', publishedOn: x.publishedOn }));
      expect(node.evidence.edges.map((x: any) => x.node)).toEqual(expected);
      expect(node.evidence.edges.every((x: any) => typeof x.cursor === 'string')).toBe(true);
    }
  });

  it('gives an agreement\'s commitments the same values whichever of their fields are selected', async () => {
    const FIELDS = 'id title description sourceQuote status priority dueOn overdue version createdAt updatedAt';
    const CHANGE = 'id from to note reasonCode actor commitmentVersion createdAt evidence { id }';
    const nested = await app.gql(`{ agreements(first: 10) { edges { node { commitments(first: 10) { edges { node {
      ${FIELDS} parties { code } agreement { id } latestStatusChange { ${CHANGE} }
    } } } } } } }`);
    const few = await app.gql(`{ agreements(first: 10) { edges { node { commitments(first: 10) { edges { node {
      id status overdue dueOn agreement { id } parties { code } latestStatusChange { note }
    } } } } } } }`);
    const top = await app.gql(`{ commitments(first: 100) { edges { node { ${FIELDS} parties { code } agreement { id } latestStatusChange { ${CHANGE} } } } } }`);
    expect([nested.errors, few.errors, top.errors]).toEqual([undefined, undefined, undefined]);
    const byId = new Map(top.data!.commitments.edges.map((e: any) => [e.node.id, e.node]));
    const listed = nested.data!.agreements.edges.flatMap((a: any) => a.node.commitments.edges.map((e: any) => e.node));
    expect(listed.length).toBeGreaterThan(3);
    for (const c of listed) expect(c).toEqual(byId.get(c.id));
    const fewListed = few.data!.agreements.edges.flatMap((a: any) => a.node.commitments.edges.map((e: any) => e.node));
    expect(fewListed).toEqual(
      listed.map(({ id, status, overdue, dueOn, agreement, parties, latestStatusChange: l }: any) => ({
        id, status, overdue, dueOn, agreement, parties, latestStatusChange: l && { note: l.note },
      })),
    );
    expect(listed.some((c: any) => c.latestStatusChange?.note)).toBe(true);
  });

  it('answers a fragment used at two depths from each place', async () => {
    const res = await app.gql(
      `fragment C on Commitment { id parties { code } latestStatusChange { to } }
       { commitments(first: 10) { edges { node { ...C links { commitment { ...C } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.commitments.edges.map((e: any) => [e.node.id, e.node]));
    for (const { node } of res.data!.commitments.edges) {
      for (const link of node.links) {
        const other: any = byId.get(link.commitment.id);
        expect(link.commitment.parties).toEqual(other.parties);
        expect(link.commitment.latestStatusChange).toEqual(other.latestStatusChange);
      }
    }
    expect(res.data!.commitments.edges.some((e: any) => e.node.links.length > 0)).toBe(true);
  });

  it('still makes cursors on request, and they page on', async () => {
    const all = await evidenceOf(SEED_IDS.commitments.usRepatriationFlights, 6);
    const first = await evidenceOf(SEED_IDS.commitments.usRepatriationFlights, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
    const next = await evidenceOf(SEED_IDS.commitments.usRepatriationFlights, 2, first.pageInfo.endCursor);
    expect([...first.edges, ...next.edges].map((e: any) => e.node.id)).toEqual(all.edges.slice(0, 4).map((e: any) => e.node.id));
  });

  it('gives the same pages whether totals and cursors are selected or not, each where it is asked', async () => {
    // Totals and sort keys are read only for the pages that select them: the nodes must not change.
    const bare = await app.gql(`{ agreements(first: 5) { edges { node { id
      commitments(first: 3) { edges { node { id evidence(first: 2) { edges { node { id } } } statusHistory(first: 1) { edges { node { id } } } } } }
    } } } }`);
    const full = await app.gql(`{ agreements(first: 5) { edges { node { id
      commitments(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id
        evidence(first: 2) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } }
        statusHistory(first: 1) { totalCount edges { node { id } } }
      } } }
    } } } }`);
    expect(bare.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const ids = (data: any) =>
      data.agreements.edges.map(({ node: a }: any) => [
        a.id,
        a.commitments.edges.map(({ node: c }: any) => [c.id, c.evidence.edges.map((e: any) => e.node.id), c.statusHistory.edges.map((e: any) => e.node.id)]),
      ]);
    expect(ids(bare.data)).toEqual(ids(full.data));

    // Where they are selected, the totals are the real counts and the cursors page on.
    const counts = await app.sql<{ id: string; commitments: number }>(
      'SELECT a.id, count(c.id)::int AS commitments FROM agreements a LEFT JOIN commitments c ON c.agreement_id = a.id WHERE a.workspace_id = $1 GROUP BY a.id',
      [SEED_IDS.workspace],
    );
    for (const { node: a } of full.data!.agreements.edges) {
      expect(a.commitments.totalCount).toBe(counts.find((r) => r.id === a.id)!.commitments);
      expect(a.commitments.pageInfo.endCursor).toBe(a.commitments.edges.at(-1)?.cursor ?? null);
    }
  });

  it('reports a bad nested argument at the field that has it', async () => {
    const res = await app.gql('{ agreements(first: 1) { edges { node { id commitments(first: 0) { totalCount } } } } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].path).toEqual(['agreements', 'edges', 0, 'node', 'commitments']);

    const nul = await app.gql('query($a: String) { commitments(first: 1) { edges { node { evidence(first: 1, after: $a) { totalCount } } } } }', { a: 'x\u0000' });
    expect(nul.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(nul.errors?.[0].message).toContain('after');
    expect(nul.errors?.[0].path).toEqual(['commitments', 'edges', 0, 'node', 'evidence']);
  });

  it('resolves a mutation payload as before (no read-ahead there)', async () => {
    const id = SEED_IDS.commitments.mxSmuggling;
    const READ = 'query($id: ID!) { commitment(id: $id) { version parties { code } evidence(first: 1) { totalCount } } }';
    const before = await app.gql(READ, { id });
    const res = await app.gql(
      `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) {
         commitment { id status parties { code } latestStatusChange { to note } evidence(first: 1) { totalCount } } } }`,
      { input: { commitmentId: id, expectedVersion: before.data!.commitment.version, status: 'IN_PROGRESS', note: 'Talks resumed' } },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.changeCommitmentStatus.commitment;
    expect(c).toMatchObject({ id, status: 'IN_PROGRESS', latestStatusChange: { to: 'IN_PROGRESS', note: 'Talks resumed' } });
    expect(c.parties).toEqual(before.data!.commitment.parties);
    expect(c.evidence).toEqual(before.data!.commitment.evidence);
  });
});
