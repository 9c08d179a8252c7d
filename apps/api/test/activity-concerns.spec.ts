import { ActivityConcerns1765110000000 } from '../src/database/migrations/1765110000000-activity-concerns';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { lastActivityId } from './support/expectations';
import { subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Every activity row stores the commitment and agreement it concerns when it is written, and the
 * migration's backfill of older rows derives the same: the live feed and the digests read these
 * columns rather than each deriving them from the JSON.
 */
const AGREEMENT = SEED_IDS.agreements.migrationTalks;
const TYPED = `verb commitmentId agreementId change {
  __typename title version
  ... on CommitmentStatusChange { fromStatus toStatus currentStatus occurredOn note reasonCode evidenceIds statusChangeId }
  ... on CommitmentAssignmentChange { assigned assigneeId assigneeName }
  ... on CommentChange { onType onId mentionedUserIds deleted }
  ... on ObservationChange { revised value asOf previousValue }
  ... on RecordChange { previousVersion archived }
}`;
const COMMITMENT = SEED_IDS.commitments.mxSmuggling;

describe('what an activity row concerns', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  const ok = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  };
  const rows = () =>
    app.sql<{ id: string; verb: string; commitmentId: string | null; agreementId: string | null }>(
      'SELECT id::text, verb, commitment_id AS "commitmentId", agreement_id AS "agreementId" FROM activity ORDER BY id',
    );

  it('is written with each change, and the backfill of the migration derives the same for every row', async () => {
    const since = BigInt(await lastActivityId(app));
    const { addEvidence } = await ok('mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }', {
      input: { agreementId: AGREEMENT, url: 'https://www.gob.mx/sre/prensa/7', title: 'SRE bulletin 7' },
    });
    await ok('mutation($input: DetachEvidenceInput!) { detachEvidence(input: $input) { evidence { id } } }', {
      input: { agreementId: AGREEMENT, evidenceId: addEvidence.evidence.id },
    });
    await ok('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id } } }', {
      input: { indicatorId: SEED_IDS.indicators.deportations, asOf: '2026-11-30', value: 1234 },
    });
    await ok('mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }', {
      input: { subjectType: 'AGREEMENT', subjectId: AGREEMENT, body: 'Minutes are out' },
    });
    await ok('mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }', {
      input: { subjectType: 'COMMITMENT', subjectId: COMMITMENT, body: 'Arrests began' },
    });
    await ok('mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { slug } } }', {
      input: { slug: 'remittances', name: 'Remittances', nameEs: 'Remesas' },
    });

    const written = await rows();
    const [indicator] = await app.sql('SELECT commitment_id AS "commitmentId" FROM indicators WHERE id = $1', [SEED_IDS.indicators.deportations]);
    expect(written.filter((r) => BigInt(r.id) > since).map(({ verb, commitmentId, agreementId }) => [verb, commitmentId, agreementId])).toEqual([
      ['evidence.added', null, null],
      ['evidence.detached', null, AGREEMENT],
      ['indicator.observation_recorded', indicator.commitmentId, AGREEMENT],
      ['comment.added', null, AGREEMENT],
      ['comment.added', COMMITMENT, AGREEMENT],
      ['theme.created', null, null],
    ]);
    // The seeded history went through the same writer.
    expect(written.filter((r) => BigInt(r.id) <= since && r.verb.startsWith('commitment.')).every((r) => r.commitmentId && r.agreementId === AGREEMENT)).toBe(true);

    const runner = app.running.dataSource.createQueryRunner();
    try {
      const migration = new ActivityConcerns1765110000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await rows()).toEqual(written);
  });

  it('is served typed by activity, changes and activityAdded alike, through the fast path and the stock one', async () => {
    const since = await lastActivityId(app);
    const live = subscribe<{ activityAdded: Record<string, unknown> }>(app.url, { token: app.tokens.viewer }, `subscription($since: ID) { activityAdded(since: $since) { ${TYPED} } }`, { since });
    try {
      const { commitment } = await ok('query($id: ID!) { commitment(id: $id) { version } }', { id: COMMITMENT });
      const { changeCommitmentStatus } = await ok(
        'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { version } } }',
        { input: { commitmentId: COMMITMENT, expectedVersion: commitment.version, status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'Funds frozen' } },
      );
      await ok('mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }', { input: { subjectType: 'AGREEMENT', subjectId: AGREEMENT, body: 'Noted' } });
      await ok('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id } } }', {
        input: { indicatorId: SEED_IDS.indicators.familyMembers, asOf: '2026-12-01', value: 7 },
      });

      const feed = await app.gql<any>(`query($after: ID) { changes(first: 10, after: $after) { edges { node { ${TYPED} } } } }`, { after: since });
      expect(feed.errors).toBeUndefined();
      const nodes = feed.data!.changes.edges.map((e: any) => e.node);
      expect(nodes).toEqual([
        {
          verb: 'commitment.status_changed', commitmentId: COMMITMENT, agreementId: AGREEMENT,
          change: expect.objectContaining({
            __typename: 'CommitmentStatusChange', version: changeCommitmentStatus.commitment.version, fromStatus: expect.any(String), toStatus: 'STALLED',
            currentStatus: 'STALLED', note: 'Funds frozen', reasonCode: 'NO_FUNDING', evidenceIds: [], statusChangeId: expect.any(String),
          }),
        },
        {
          verb: 'comment.added', commitmentId: null, agreementId: AGREEMENT,
          change: { __typename: 'CommentChange', title: null, version: null, onType: 'AGREEMENT', onId: AGREEMENT, mentionedUserIds: [], deleted: false },
        },
        {
          verb: 'indicator.observation_recorded', commitmentId: expect.any(String), agreementId: AGREEMENT,
          change: expect.objectContaining({ __typename: 'ObservationChange', revised: false, value: 7, asOf: '2026-12-01' }),
        },
      ]);

      const list = await app.gql<any>(`{ activity(first: 3) { edges { node { ${TYPED} } } } }`);
      expect(list.data!.activity.edges.map((e: any) => e.node)).toEqual([...nodes].reverse());
      const stock = await app.twin({ GRAPHQL_FAST_PATH: 'off' });
      try {
        expect((await stock.gql(`{ activity(first: 3) { edges { node { ${TYPED} } } } }`)).data).toEqual(list.data);
      } finally {
        await stock.close();
      }
      await live.until((v) => v.length >= 3, 10_000, 'the three changes');
      expect(live.values.map((v) => v.activityAdded)).toEqual(nodes);
    } finally {
      await live.close();
    }
  });
});
