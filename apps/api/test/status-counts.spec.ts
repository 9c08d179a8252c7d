import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

const COUNTS = `query($groupBy: StatusCountGroupBy!, $filter: CommitmentFilter) {
  commitmentStatusCounts(groupBy: $groupBy, filter: $filter) { key total counts { status count } } }`;
const TOTAL = 'query($filter: CommitmentFilter) { commitments(first: 1, filter: $filter) { totalCount } }';
const STATUSES = ['ANNOUNCED', 'IN_PROGRESS', 'STALLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'BROKEN'];

type Group = { key: string; total: number; counts: { status: string; count: number }[] };

/*
 * commitmentStatusCounts: the dashboard's charts in one request instead of one per party or theme.
 * Each count is checked against commitments(filter).totalCount, the way the charts counted before.
 */
describe('commitmentStatusCounts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    // More than one status in play: a second commitment moves on.
    const [{ version }] = await app.sql<{ version: number }>('SELECT version FROM commitments WHERE id = $1', [SEED_IDS.commitments.mxSmuggling]);
    const moved = await app.gql('mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { status } } }', {
      input: { commitmentId: SEED_IDS.commitments.mxSmuggling, expectedVersion: version, status: 'STALLED', reasonCode: 'NO_FUNDING' },
    });
    expect(moved.errors).toBeUndefined();
  });
  afterAll(() => app.close());

  const counts = async (groupBy: string, filter?: Record<string, unknown>, token = app.tokens.analyst) => {
    const res = await app.request<{ commitmentStatusCounts: Group[] }>({ query: COUNTS, variables: { groupBy, filter }, token });
    expect(res.errors).toBeUndefined();
    return res.data!.commitmentStatusCounts;
  };
  const total = async (filter: Record<string, unknown>) => (await app.gql<{ commitments: { totalCount: number } }>(TOTAL, { filter })).data!.commitments.totalCount;

  it.each([
    ['PARTY', 'partyCodes'],
    ['THEME', 'themes'],
  ])('by %s: every status of every group in lifecycle order, as many as commitments(filter) counts', async (groupBy, filterKey) => {
    const groups = await counts(groupBy);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.counts.map((c) => c.status)).toEqual(STATUSES);
      expect(group.total).toBe(group.counts.reduce((sum, c) => sum + c.count, 0));
      for (const { status, count } of group.counts) {
        expect({ group: group.key, status, count }).toEqual({ group: group.key, status, count: await total({ [filterKey]: [group.key], status: [status] }) });
      }
    }
  });

  it('lists the seed’s parties MX and US, with the stalled commitment counted under Mexico', async () => {
    const groups = await counts('PARTY');
    expect(groups.map((g) => g.key).sort()).toEqual(['MX', 'US']);
    const mx = groups.find((g) => g.key === 'MX')!;
    expect(mx.counts.find((c) => c.status === 'STALLED')!.count).toBe(1);
  });

  it('takes the same filter as commitments, archived ones left out', async () => {
    const stalledOnly = await counts('PARTY', { status: ['STALLED'] });
    expect(stalledOnly.map((g) => [g.key, g.total])).toEqual([['MX', 1]]);
    const before = (await counts('PARTY')).reduce((sum, g) => sum + g.total, 0);
    await app.sql('UPDATE commitments SET archived_at = now() WHERE id = $1', [SEED_IDS.commitments.jointStatement]);
    try {
      const after = (await counts('PARTY')).reduce((sum, g) => sum + g.total, 0);
      const parties = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM commitment_parties WHERE commitment_id = $1', [SEED_IDS.commitments.jointStatement]);
      expect(after).toBe(before - parties[0].n);
    } finally {
      await app.sql('UPDATE commitments SET archived_at = NULL WHERE id = $1', [SEED_IDS.commitments.jointStatement]);
    }
  });

  it('is read by a viewer and the read-only key alike, and needs a caller', async () => {
    expect((await counts('THEME', undefined, app.tokens.viewer)).length).toBeGreaterThan(0);
    expect((await counts('THEME', undefined, app.tokens.readKey)).length).toBeGreaterThan(0);
    expectError(await app.request({ query: COUNTS, variables: { groupBy: 'PARTY' }, token: null }), 'UNAUTHENTICATED');
  });

  it('refuses an unknown grouping as bad input', async () => {
    const res = await app.gql(COUNTS, { groupBy: 'AGENCY' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
