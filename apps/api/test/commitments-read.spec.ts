import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { startTestApp, TestApp } from './support/test-app';

const LIST = `
  query List($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id title status dueOn overdue parties { code } themes { slug } } }
    }
  }`;

type ListData = {
  commitments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; title: string; status: string; dueOn: string | null; overdue: boolean; parties: { code: string }[] } }[];
  };
};

describe('reading commitments', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const ids = async (filter: Record<string, unknown>) => {
    const res = await app.gql<ListData>(LIST, { first: 100, filter });
    expect(res.errors).toBeUndefined();
    return res.data!.commitments.edges.map((e) => e.node.id);
  };

  it('lists the five seeded US–Mexico commitments with their status and parties', async () => {
    const res = await app.gql<ListData>(LIST, { first: 10 });
    expect(res.errors).toBeUndefined();
    const { totalCount, edges } = res.data!.commitments;
    expect(totalCount).toBe(5);
    expect(edges.map((e) => e.node.id)).toEqual([
      SEED_IDS.commitments.mxSmuggling,
      SEED_IDS.commitments.mxHumaneBorder,
      SEED_IDS.commitments.usCbpCrackdown,
      SEED_IDS.commitments.usRepatriationFlights,
      SEED_IDS.commitments.jointStatement,
    ]);
    const joint = edges.find((e) => e.node.id === SEED_IDS.commitments.jointStatement)!.node;
    expect(joint.parties.map((p) => p.code).sort()).toEqual(['MX', 'US']);
    expect(joint.dueOn).toBe('2024-01-31');
    expect(joint.overdue).toBe(true);
  });

  it('finds the human-smuggling commitments by full-text search, stemming included', async () => {
    expect(await ids({ search: 'human smuggling' })).toContain(SEED_IDS.commitments.mxSmuggling);
    expect(await ids({ search: 'smuggler' })).toContain(SEED_IDS.commitments.usCbpCrackdown);
    expect(await ids({ search: '"repatriation flights"' })).toContain(SEED_IDS.commitments.usRepatriationFlights);
    expect(await ids({ search: 'smuggling -CBP' })).toEqual([SEED_IDS.commitments.mxSmuggling]);
    expect(await ids({ search: 'zeppelin' })).toEqual([]);
  });

  it('filters by status, party, theme, agreement, overdue and due range', async () => {
    expect((await ids({ status: ['IN_PROGRESS'] })).sort()).toEqual(
      [SEED_IDS.commitments.usCbpCrackdown, SEED_IDS.commitments.usRepatriationFlights].sort(),
    );
    expect(await ids({ partyCodes: ['MX'] })).toHaveLength(3);
    expect(await ids({ partyCodes: ['mx'], status: ['IN_PROGRESS'] })).toEqual([]);
    expect(await ids({ themes: ['joint-statement'] })).toEqual([SEED_IDS.commitments.jointStatement]);
    expect(await ids({ agreementId: SEED_IDS.agreements.migrationTalks })).toHaveLength(5);
    expect(await ids({ overdue: true })).toEqual([SEED_IDS.commitments.jointStatement]);
    expect(await ids({ overdue: false })).toHaveLength(4);
    expect(await ids({ dueAfter: '2024-01-31', dueBefore: '2024-01-31' })).toEqual([SEED_IDS.commitments.jointStatement]);
    expect(await ids({ dueBefore: '2024-01-30' })).toEqual([]);
  });

  it('pages with opaque cursors: every commitment once, in order, whatever the page size', async () => {
    for (const orderBy of [undefined, { field: 'TITLE', direction: 'DESC' }, { field: 'DUE_ON' }, { field: 'DUE_ON', direction: 'DESC' }, { field: 'PRIORITY', direction: 'DESC' }, { field: 'UPDATED_AT' }]) {
      const all = await app.gql<ListData>(LIST, { first: 100, orderBy });
      const expected = all.data!.commitments.edges.map((e) => e.node.id);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res: Awaited<ReturnType<typeof app.gql<ListData>>> = await app.gql<ListData>(LIST, { first: 2, after, orderBy });
        expect(res.errors).toBeUndefined();
        const c = res.data!.commitments;
        expect(c.totalCount).toBe(5);
        seen.push(...c.edges.map((e) => e.node.id));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('orders by due date with undated commitments last, in both directions and across pages', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const res = await app.gql<ListData>(LIST, { first: 5, orderBy: { field: 'DUE_ON', direction } });
      expect(res.errors).toBeUndefined();
      const dues = res.data!.commitments.edges.map((e) => e.node.dueOn);
      expect({ direction, dues }).toEqual({ direction, dues: ['2024-01-31', null, null, null, null] });
      expect(res.data!.commitments.edges[0].node.id).toBe(SEED_IDS.commitments.jointStatement);
      // A page that ends on an undated one carries on after it (its cursor holds the far end of the order).
      const first = await app.gql<ListData>(LIST, { first: 2, orderBy: { field: 'DUE_ON', direction } });
      const rest = await app.gql<ListData>(LIST, { first: 5, after: first.data!.commitments.pageInfo.endCursor, orderBy: { field: 'DUE_ON', direction } });
      expect(rest.errors).toBeUndefined();
      expect(rest.data!.commitments.edges.map((e) => e.node.dueOn)).toEqual([null, null, null]);
    }
  });

  it('returns one commitment with its evidence, history, links and figures', async () => {
    const res = await app.gql(`
      query One($id: ID!) {
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
      }`, { id: SEED_IDS.commitments.usRepatriationFlights });
    expect(res.errors).toBeUndefined();
    const c = res.data!.commitment;
    expect(c.status).toBe('IN_PROGRESS');
    expect(c.sourceQuote).toContain('460,000 migrants deported since May 12th');
    expect(c.owner).toEqual({ acronym: 'ICE', party: { code: 'US' } });
    expect(c.agreement.participants.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Alejandro Mayorkas', 'Antony Blinken', 'Alicia Bárcena']),
    );
    expect(c.statusHistory.totalCount).toBe(2);
    expect(c.statusHistory.edges.map((e: any) => e.node.to)).toEqual(['IN_PROGRESS', 'ANNOUNCED']);
    expect(c.latestStatusChange.to).toBe('IN_PROGRESS');
    expect(c.links).toEqual([{ kind: 'RECIPROCAL', direction: 'INCOMING', commitment: { id: SEED_IDS.commitments.mxHumaneBorder } }]);
    const deportations = c.indicators.find((i: any) => i.name.startsWith('Migrants deported'));
    expect(deportations.latestObservation.value).toBe(460000);
    expect(deportations.baselineOn).toBe('2023-05-12');
  });

  it('answers NOT_FOUND, naming the id, for a commitment that does not exist', async () => {
    const res = await app.gql('query($id: ID!) { commitment(id: $id) { id } }', { id: '00000000-0000-4000-8000-999999999999' });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toContain('00000000-0000-4000-8000-999999999999');
  });

  it('lists parties, themes and agreements', async () => {
    const res = await app.gql('{ parties { code name } themes { slug } agreements(first: 10) { totalCount edges { node { title kind heldOn commitments(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } } } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.parties).toEqual([{ code: 'MX', name: 'Mexico' }, { code: 'US', name: 'United States' }]);
    expect(res.data!.themes.map((t: any) => t.slug)).toContain('anti-smuggling');
    const agreement = res.data!.agreements.edges[0].node;
    expect(agreement).toMatchObject({ kind: 'MEETING', heldOn: '2023-12-27' });
    expect(agreement.commitments).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(agreement.commitments.edges).toHaveLength(2);
  });
});
