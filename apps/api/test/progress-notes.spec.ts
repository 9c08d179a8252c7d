import { todayIso } from '@pactwatch/domain';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, lastActivityId, rowCounts } from './support/expectations';
import { Recording, subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

const C = SEED_IDS.commitments;
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000ffff';

const RECORD = `mutation($input: RecordProgressInput!) {
  recordProgress(input: $input) {
    commitment { id status version latestStatusChange { id kind to } evidence(first: 10) { edges { node { id title } } } }
    progress { id kind from to note actor commitmentVersion occurredOn evidence { id title stance } }
  } }`;
const CHANGE = `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { status version } } }`;
const HISTORY = `query($id: ID!) { commitment(id: $id) { status version statusHistory(first: 20) { edges { node { id kind from to note occurredOn } } } } }`;

/*
 * recordProgress: a note with its sources in a commitment's history without changing its status
 * (issue 17, item 3). It leaves status and version alone, so it never conflicts with a change.
 */
describe('progress notes (recordProgress)', () => {
  let app: TestApp;
  const open: Recording<any>[] = [];
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await Promise.all(open.map((r) => r.close()));
    await app.close();
  });

  const record = (input: Record<string, unknown>, token = app.tokens.analyst) => app.request<any>({ query: RECORD, variables: { input }, token });
  const stored = async (id: string) => (await app.sql<{ status: string; version: number }>('SELECT status, version FROM commitments WHERE id = $1', [id]))[0];
  const expectNothingWritten = async (fn: () => Promise<void>) => {
    const before = await rowCounts(app);
    const rows = await app.sql('SELECT id, status, version FROM commitments ORDER BY id');
    await fn();
    expect(await app.sql('SELECT id, status, version FROM commitments ORDER BY id')).toEqual(rows);
    expect(await rowCounts(app)).toEqual(before);
  };

  it('records a note with a new and an existing source: in the history as PROGRESS, status and version unchanged, one activity row', async () => {
    const before = await stored(C.mxSmuggling);
    const since = await lastActivityId(app);
    const note = 'INM raided two safe houses in Tapachula.';
    const res = await record({
      commitmentId: C.mxSmuggling,
      note: `  ${note}  `,
      evidenceIds: [SEED_IDS.evidence.dhsStatement],
      newEvidence: [{ url: 'https://example.org/tapachula-raids', title: 'Raids in Tapachula', stance: 'SUPPORTS' }],
    });
    expect(res.errors).toBeUndefined();
    const { commitment, progress } = res.data.recordProgress;
    expect(commitment).toMatchObject({ status: before.status, version: before.version });
    expect(progress).toMatchObject({ kind: 'PROGRESS', from: before.status, to: before.status, note, commitmentVersion: before.version, occurredOn: todayIso() });
    expect(progress.evidence.map((e: { title: string }) => e.title).sort()).toEqual(['Raids in Tapachula', 'DHS and ICE statements on ongoing repatriation flights to Central America and Venezuela'].sort());
    // The sources are on the commitment; the status still comes from the last status change.
    expect(commitment.evidence.edges.map((e: any) => e.node.title)).toEqual(expect.arrayContaining(['Raids in Tapachula']));
    expect(commitment.latestStatusChange.kind).toBe('STATUS_CHANGE');
    expect(await stored(C.mxSmuggling)).toEqual(before);

    const history = (await app.gql<any>(HISTORY, { id: C.mxSmuggling })).data.commitment.statusHistory.edges.map((e: any) => e.node);
    expect(history[0]).toMatchObject({ id: progress.id, kind: 'PROGRESS', note });
    const verbs = (await activitySince(app, since)).map((a) => [a.verb, a.subject_id]);
    expect(verbs).toEqual(expect.arrayContaining([['commitment.progress_recorded', C.mxSmuggling], ['evidence.added', expect.any(String)]]));
    expect(verbs).toHaveLength(2);
  });

  it('never conflicts: a status change made with the version read before the note goes through', async () => {
    const { version } = await stored(C.mxHumaneBorder);
    expect((await record({ commitmentId: C.mxHumaneBorder, note: 'Shelters opened in Ciudad Juárez.' })).errors).toBeUndefined();
    const moved = await app.gql<any>(CHANGE, { input: { commitmentId: C.mxHumaneBorder, expectedVersion: version, status: 'IN_PROGRESS', note: 'Under way' } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.changeCommitmentStatus.commitment).toEqual({ status: 'IN_PROGRESS', version: version + 1 });
  });

  it('does not hold back a later-dated status change: a note of today leaves a change dated yesterday current', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { version } = await stored(C.jointStatement);
    expect((await record({ commitmentId: C.jointStatement, note: 'Drafts exchanged.' })).errors).toBeUndefined();
    const moved = await app.gql<any>(CHANGE, { input: { commitmentId: C.jointStatement, expectedVersion: version, status: 'IN_PROGRESS', occurredOn: yesterday } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.changeCommitmentStatus.commitment.status).toBe('IN_PROGRESS');
  });

  it('a back-dated note carries the status in force on its day', async () => {
    // usCbpCrackdown was created ANNOUNCED, then moved to IN_PROGRESS (seed): a note dated before that move is under ANNOUNCED.
    expect(await stored(C.usCbpCrackdown)).toMatchObject({ status: 'IN_PROGRESS' });
    const res = await record({ commitmentId: C.usCbpCrackdown, note: 'Old report', occurredOn: '1990-01-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordProgress.progress).toMatchObject({ from: 'ANNOUNCED', to: 'ANNOUNCED', occurredOn: '1990-01-01' });
    expect(await stored(C.usCbpCrackdown)).toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('is announced live in the activity feed, and reaches the commitment’s own subscription', async () => {
    const feed = subscribe<{ activityAdded: { verb: string; subjectId: string } }>(app.url, { token: app.tokens.viewer }, 'subscription { activityAdded { verb subjectId } }');
    const page = subscribe<{ commitmentChanged: { id: string; statusHistory: { edges: { node: { kind: string } }[] } } }>(
      app.url, { token: app.tokens.viewer }, 'subscription($id: ID!) { commitmentChanged(id: $id) { id statusHistory(first: 1) { edges { node { kind } } } } }', { id: C.usRepatriationFlights });
    open.push(feed, page);
    await Promise.all([feed.ready(), page.ready()]);
    expect((await record({ commitmentId: C.usRepatriationFlights, note: 'Flight 12 landed in Villahermosa.' })).errors).toBeUndefined();
    await feed.until((v) => v.some((e) => e.activityAdded.verb === 'commitment.progress_recorded' && e.activityAdded.subjectId === C.usRepatriationFlights));
    await page.until((v) => v.some((e) => e.commitmentChanged.statusHistory.edges[0]?.node.kind === 'PROGRESS'));
  });

  it('reaches the digest of someone who watches the commitment, as a progress note with its sources', async () => {
    const watched = await app.request<any>({
      query: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }',
      variables: { input: { subjectType: 'COMMITMENT', subjectId: C.usCbpCrackdown } },
      token: app.tokens.owner,
    });
    expect(watched.errors).toBeUndefined();
    const note = 'CBP dismantled a tunnel near Nogales.';
    const res = await record({ commitmentId: C.usCbpCrackdown, note, newEvidence: [{ url: 'https://example.org/nogales-tunnel', title: 'Nogales tunnel found' }] });
    expect(res.errors).toBeUndefined();
    const preview = await app.request<any>({ query: 'query { digestPreview { text html itemCount } }', token: app.tokens.owner });
    expect(preview.errors).toBeUndefined();
    const { text, html } = preview.data.digestPreview;
    // The day it was noted (today, when no occurredOn is given), then who noted it and when.
    expect(text).toMatch(/Progress note · In progress on [^(\n]+ \(noted by Ana Analyst, /);
    expect(text).toContain(`“${note}”`);
    expect(text).toContain('- Nogales tunnel found (Supports) <https://example.org/nogales-tunnel>');
    expect(html).toContain('Progress note &middot; In progress');
  });

  describe('refuses bad input, naming the field, and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['a blank note', { commitmentId: C.mxSmuggling, note: '   ' }, 'BAD_USER_INPUT', 'note'],
      ['a note over 10000 characters', { commitmentId: C.mxSmuggling, note: 'n'.repeat(10001) }, 'BAD_USER_INPUT', 'note'],
      ['a day in the future', { commitmentId: C.mxSmuggling, note: 'x', occurredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'occurredOn'],
      ['a day that is not a date', { commitmentId: C.mxSmuggling, note: 'x', occurredOn: '2024-02-30' }, 'BAD_USER_INPUT', 'occurredOn'],
      ['an unknown commitment', { commitmentId: UNKNOWN_ID, note: 'x' }, 'NOT_FOUND', 'commitmentId'],
      ['a commitment id that is not an id', { commitmentId: 'not-a-uuid', note: 'x' }, 'BAD_USER_INPUT', 'commitmentId'],
      ['an unknown source, with a new one', { commitmentId: C.mxSmuggling, note: 'x', evidenceIds: [UNKNOWN_ID], newEvidence: [{ url: 'https://example.org/n', title: 'N' }] }, 'NOT_FOUND', 'evidenceIds'],
      ['a javascript: address', { commitmentId: C.mxSmuggling, note: 'x', newEvidence: [{ url: 'javascript:alert(1)', title: 'Trap' }] }, 'BAD_USER_INPUT', 'newEvidence[0].url'],
      ['a new source without a title', { commitmentId: C.mxSmuggling, note: 'x', newEvidence: [{ url: 'https://example.org/t', title: ' ' }] }, 'BAD_USER_INPUT', 'newEvidence[0].title'],
    ];
    it.each(cases)('%s', async (_what, input, code, field) => {
      await expectNothingWritten(async () => {
        expectError(await record(input), code, field);
      });
    });

    it('an archived commitment', async () => {
      const { version } = await stored(C.usRepatriationFlights);
      const archived = await app.gql<any>('mutation($input: ArchiveCommitmentInput!) { archiveCommitment(input: $input) { commitment { archived } } }', { input: { id: C.usRepatriationFlights, expectedVersion: version } });
      expect(archived.errors).toBeUndefined();
      await expectNothingWritten(async () => {
        expectError(await record({ commitmentId: C.usRepatriationFlights, note: 'x' }), 'BAD_USER_INPUT', 'commitmentId');
      });
    });

    it('a viewer and the read-only key are FORBIDDEN', async () => {
      await expectNothingWritten(async () => {
        expectError(await record({ commitmentId: C.mxSmuggling, note: 'x' }, app.tokens.viewer), 'FORBIDDEN');
        expectError(await record({ commitmentId: C.mxSmuggling, note: 'x' }, app.tokens.readKey), 'FORBIDDEN');
      });
    });
  });
});
