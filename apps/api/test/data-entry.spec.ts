import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, lastActivityId, rowCounts } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * What the web client's data-entry screens rely on: archive and restore (agreements, commitments),
 * detach and archive sources, and the link rules (no DEPENDS_ON cycle, at most 50 links).
 */

const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';
const AGREEMENT = 'id title version archived archivedAt commitments(first: 20) { totalCount edges { node { id } } }';
const COMMITMENT = `id title version archived archivedAt
  evidence(first: 20) { totalCount edges { node { id archived } } }
  statusHistory(first: 20) { edges { node { id to evidence { id title archived } } } }
  links { id kind direction commitment { id } }`;

const M = {
  createAgreement: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { ${AGREEMENT} } } }`,
  createCommitment: `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { ${COMMITMENT} } } }`,
  archiveAgreement: `mutation($input: ArchiveAgreementInput!) { archiveAgreement(input: $input) { agreement { ${AGREEMENT} } } }`,
  restoreAgreement: `mutation($input: RestoreAgreementInput!) { restoreAgreement(input: $input) { agreement { ${AGREEMENT} } } }`,
  archiveCommitment: `mutation($input: ArchiveCommitmentInput!) { archiveCommitment(input: $input) { commitment { ${COMMITMENT} } } }`,
  restoreCommitment: `mutation($input: RestoreCommitmentInput!) { restoreCommitment(input: $input) { commitment { ${COMMITMENT} } } }`,
  changeStatus: `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id version } statusChange { id evidence { id } } } }`,
  detachEvidence: `mutation($input: DetachEvidenceInput!) { detachEvidence(input: $input) { evidence { id archived } commitment { ${COMMITMENT} } } }`,
  addEvidence: `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }`,
  detachAgreementSource: `mutation($input: DetachEvidenceInput!) { detachEvidence(input: $input) { evidence { id archived } commitment { id } agreement { id sources { id } } } }`,
  archiveEvidence: `mutation($input: ArchiveEvidenceInput!) { archiveEvidence(input: $input) { evidence { id version archived archivedAt } } }`,
  link: `mutation($input: LinkCommitmentsInput!) { linkCommitments(input: $input) { link { id kind direction } } }`,
  watch: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }',
};
const Q = {
  agreement: `query($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`,
  commitment: `query($id: ID!) { commitment(id: $id) { ${COMMITMENT} } }`,
  commitments: `query($filter: CommitmentFilter) { commitments(first: 100, filter: $filter) { totalCount edges { node { id archived } } } }`,
  agreements: `query($filter: AgreementFilter) { agreements(first: 100, filter: $filter) { totalCount edges { node { id archived } } } }`,
  preview: 'query { digestPreview { itemCount text } }',
};

describe('data entry: archive and restore, detach and archive sources, link rules', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const ok = async (query: string, input: Record<string, unknown>, token = app.tokens.analyst) => {
    const res = await app.request({ query, variables: { input }, token });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  const read = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  /** Runs `fn` and checks it added exactly one activity row, with this verb and subject. */
  const withOneActivity = async <T>(verb: string, subjectId: string, fn: () => Promise<T>) => {
    const before = await lastActivityId(app);
    const result = await fn();
    const rows = await activitySince(app, before);
    expect(rows.map((r) => [r.verb, r.subject_id])).toEqual([[verb, subjectId]]);
    return { result, activity: rows[0] };
  };
  /** A refused request wrote nothing: no row count moved, no activity, no archived flag or version changed. */
  const refused = async (request: () => Promise<GqlResponse>, code: string, field?: string) => {
    const snapshot = async () => ({
      counts: await rowCounts(app),
      activity: await lastActivityId(app),
      rows: await app.sql(
        `SELECT id, version, archived_at FROM agreements UNION ALL SELECT id, version, archived_at FROM commitments
         UNION ALL SELECT id, version, archived_at FROM evidence ORDER BY id`,
      ),
    });
    const before = await snapshot();
    const error = expectError(await request(), code, field);
    expect(await snapshot()).toEqual(before);
    return error;
  };

  let agreementId: string;
  const newCommitment = async (title: string) =>
    (await ok(M.createCommitment, { agreementId, title, partyCodes: ['MX'] })).commitment as { id: string; version: number };

  beforeAll(async () => {
    const created = await ok(M.createAgreement, { title: 'Data entry talks', kind: 'MEETING', partyCodes: ['US', 'MX'] });
    agreementId = created.agreement.id;
  });

  const listedIds = async (filter: Record<string, unknown> = {}) => (await read(Q.commitments, { filter })).edges.map((e: any) => e.node.id);

  describe('archive and restore a commitment', () => {
    it('leaves lists, counts and its agreement’s page; stays readable by id; archived: true finds it; restore brings it back', async () => {
      const c = await newCommitment('A commitment entered by mistake');
      await newCommitment('A commitment that stays');
      const total = (await read(Q.commitments, {})).totalCount;
      const inAgreement = (await read(Q.agreement, { id: agreementId })).commitments.totalCount;
      const announced = (await read(Q.commitments, { filter: { status: ['ANNOUNCED'] } })).totalCount;

      const { result, activity } = await withOneActivity('commitment.archived', c.id, () => ok(M.archiveCommitment, { id: c.id, expectedVersion: c.version }));
      expect(result.commitment).toMatchObject({ id: c.id, archived: true, version: c.version + 1 });
      expect(typeof result.commitment.archivedAt).toBe('string');
      expect(activity.before).toEqual({ version: c.version, archived: false });
      expect(activity.after).toMatchObject({ version: c.version + 1, archived: true });

      expect(await listedIds()).not.toContain(c.id);
      expect((await read(Q.commitments, {})).totalCount).toBe(total - 1);
      expect((await read(Q.commitments, { filter: { status: ['ANNOUNCED'] } })).totalCount).toBe(announced - 1);
      const agreement = await read(Q.agreement, { id: agreementId });
      expect(agreement.commitments.totalCount).toBe(inAgreement - 1);
      expect(agreement.commitments.edges.map((e: any) => e.node.id)).not.toContain(c.id);
      expect((await read(Q.commitment, { id: c.id })).archived).toBe(true);
      expect(await listedIds({ archived: true })).toEqual([c.id]);

      await withOneActivity('commitment.restored', c.id, () => ok(M.restoreCommitment, { id: c.id, expectedVersion: c.version + 1 }));
      expect(await listedIds()).toContain(c.id);
      expect((await read(Q.commitments, {})).totalCount).toBe(total);
      expect(await listedIds({ archived: true })).toEqual([]);
    });

    it('refuses a stale version with CONFLICT telling the current one, twice-archiving, unknown and malformed ids, and viewers; none writes anything', async () => {
      const c = await newCommitment('Archived once');
      await ok(M.archiveCommitment, { id: c.id, expectedVersion: c.version });
      const conflict = await refused(() => app.gql(M.restoreCommitment, { input: { id: c.id, expectedVersion: c.version } }), 'CONFLICT', 'expectedVersion');
      expect(conflict.extensions).toMatchObject({ currentVersion: c.version + 1, current: { archived: true, title: 'Archived once' } });
      await refused(() => app.gql(M.archiveCommitment, { input: { id: c.id, expectedVersion: c.version + 1 } }), 'BAD_USER_INPUT', 'id');
      await refused(() => app.gql(M.restoreCommitment, { input: { id: UNKNOWN_ID, expectedVersion: 1 } }), 'NOT_FOUND', 'id');
      await refused(() => app.gql(M.archiveCommitment, { input: { id: 'not-an-id', expectedVersion: 1 } }), 'BAD_USER_INPUT', 'id');
      await refused(() => app.gql(M.archiveCommitment, { input: { id: c.id, expectedVersion: 0 } }), 'BAD_USER_INPUT', 'expectedVersion');
      await refused(() => app.request({ query: M.restoreCommitment, variables: { input: { id: c.id, expectedVersion: c.version + 1 } }, token: app.tokens.viewer }), 'FORBIDDEN');
      await refused(() => app.request({ query: M.restoreCommitment, variables: { input: { id: c.id, expectedVersion: c.version + 1 } }, token: app.tokens.readKey }), 'FORBIDDEN');
    });

    it('takes an archived commitment’s changes out of digests', async () => {
      const c = await newCommitment('Watched, then archived');
      await ok(M.watch, { subjectType: 'COMMITMENT', subjectId: c.id });
      await ok(M.changeStatus, { commitmentId: c.id, expectedVersion: c.version, status: 'IN_PROGRESS', note: 'Work has begun on the watched one' });
      const before = (await read(Q.preview, {}));
      expect(before.text).toContain('Watched, then archived');
      await ok(M.archiveCommitment, { id: c.id, expectedVersion: c.version + 1 });
      const after = await read(Q.preview, {});
      expect(after.text).not.toContain('Watched, then archived');
      expect(after.itemCount).toBe(before.itemCount - 1);
    });
  });

  describe('archive and restore an agreement', () => {
    it('takes it and its commitments out of lists and counts; restore brings both back', async () => {
      const other = await ok(M.createAgreement, { title: 'A meeting recorded twice', kind: 'MEETING', partyCodes: ['US', 'MX'] });
      const id = other.agreement.id;
      const c = (await ok(M.createCommitment, { agreementId: id, title: 'Its only commitment', partyCodes: ['US'] })).commitment;
      const agreements = (await read(Q.agreements, {})).totalCount;
      const commitments = (await read(Q.commitments, {})).totalCount;

      const { activity } = await withOneActivity('agreement.archived', id, () => ok(M.archiveAgreement, { id, expectedVersion: 1 }));
      expect(activity.after).toMatchObject({ title: 'A meeting recorded twice', version: 2, archived: true });
      expect((await read(Q.agreements, {})).totalCount).toBe(agreements - 1);
      expect((await read(Q.agreements, { filter: { archived: true } })).edges.map((e: any) => e.node.id)).toEqual([id]);
      expect((await read(Q.commitments, {})).totalCount).toBe(commitments - 1);
      expect(await listedIds({ archived: true })).toContain(c.id);
      // Readable by id, its commitments still on its own page.
      expect(await read(Q.agreement, { id })).toMatchObject({ archived: true, commitments: { totalCount: 1 } });

      await refused(() => app.gql(M.restoreAgreement, { input: { id, expectedVersion: 1 } }), 'CONFLICT', 'expectedVersion');
      await refused(() => app.request({ query: M.restoreAgreement, variables: { input: { id, expectedVersion: 2 } }, token: app.tokens.viewer }), 'FORBIDDEN');
      await withOneActivity('agreement.restored', id, () => ok(M.restoreAgreement, { id, expectedVersion: 2 }));
      expect((await read(Q.agreements, {})).totalCount).toBe(agreements);
      expect((await read(Q.commitments, {})).totalCount).toBe(commitments);
      await refused(() => app.gql(M.restoreAgreement, { input: { id, expectedVersion: 3 } }), 'BAD_USER_INPUT', 'id');
      await refused(() => app.gql(M.archiveAgreement, { input: { id: UNKNOWN_ID, expectedVersion: 1 } }), 'NOT_FOUND', 'id');
    });
  });

  describe('sources', () => {
    /** A commitment moved to IN_PROGRESS with a new source: the source is on it and on the status change. */
    const withCitedSource = async (title: string) => {
      const c = await newCommitment(title);
      const changed = await ok(M.changeStatus, {
        commitmentId: c.id, expectedVersion: c.version, status: 'IN_PROGRESS', note: 'Under way',
        newEvidence: [{ url: 'https://example.org/wrong-source', title: 'A source about something else' }],
      });
      return { commitmentId: c.id, evidenceId: changed.statusChange.evidence[0].id as string, statusChangeId: changed.statusChange.id as string };
    };

    it('detachEvidence takes a source off the commitment; the status change that cites it keeps it', async () => {
      const { commitmentId, evidenceId, statusChangeId } = await withCitedSource('Detach a wrong source');
      const { result, activity } = await withOneActivity('evidence.detached', evidenceId, () => ok(M.detachEvidence, { commitmentId, evidenceId }));
      expect(activity.after).toMatchObject({ commitmentId, title: 'A source about something else' });
      expect(result.commitment.evidence.totalCount).toBe(0);
      const change = result.commitment.statusHistory.edges.find((e: any) => e.node.id === statusChangeId).node;
      expect(change.evidence).toEqual([{ id: evidenceId, title: 'A source about something else', archived: false }]);

      await refused(() => app.gql(M.detachEvidence, { input: { commitmentId, evidenceId } }), 'BAD_USER_INPUT', 'evidenceId');
      await refused(() => app.gql(M.detachEvidence, { input: { commitmentId, evidenceId: UNKNOWN_ID } }), 'NOT_FOUND', 'evidenceId');
      await refused(() => app.gql(M.detachEvidence, { input: { commitmentId: UNKNOWN_ID, evidenceId } }), 'NOT_FOUND', 'commitmentId');
      await refused(() => app.request({ query: M.detachEvidence, variables: { input: { commitmentId, evidenceId } }, token: app.tokens.viewer }), 'FORBIDDEN');
    });

    it('detachEvidence with an agreementId takes a source off the agreement; the source stays, and exactly one of the two ids is asked for', async () => {
      const added = await ok(M.addEvidence, { agreementId, url: 'https://example.org/agreement-source', title: 'A source of the agreement' });
      const evidenceId = added.evidence.id as string;
      const { result, activity } = await withOneActivity('evidence.detached', evidenceId, () => ok(M.detachAgreementSource, { agreementId, evidenceId }));
      expect(activity.after).toMatchObject({ agreementId, title: 'A source of the agreement' });
      expect(result).toMatchObject({ evidence: { id: evidenceId, archived: false }, commitment: null, agreement: { id: agreementId, sources: [] } });

      await refused(() => app.gql(M.detachAgreementSource, { input: { agreementId, evidenceId } }), 'BAD_USER_INPUT', 'evidenceId');
      await refused(() => app.gql(M.detachAgreementSource, { input: { agreementId: UNKNOWN_ID, evidenceId } }), 'NOT_FOUND', 'agreementId');
      await refused(() => app.gql(M.detachAgreementSource, { input: { evidenceId } }), 'BAD_USER_INPUT', 'commitmentId');
      await refused(() => app.request({ query: M.detachAgreementSource, variables: { input: { agreementId, evidenceId } }, token: app.tokens.viewer }), 'FORBIDDEN');
    });

    it('archiveEvidence takes a source off every commitment and agreement; history keeps it, marked archived; it cannot be cited again', async () => {
      const { commitmentId, evidenceId, statusChangeId } = await withCitedSource('Archive a wrong source');
      await app.sql('INSERT INTO agreement_sources (agreement_id, evidence_id, workspace_id) VALUES ($1, $2, $3)', [agreementId, evidenceId, SEED_IDS.workspace]);
      await refused(() => app.gql(M.archiveEvidence, { input: { id: evidenceId, expectedVersion: 2 } }), 'CONFLICT', 'expectedVersion');

      const { result, activity } = await withOneActivity('evidence.archived', evidenceId, () => ok(M.archiveEvidence, { id: evidenceId, expectedVersion: 1 }));
      expect(result.evidence).toMatchObject({ id: evidenceId, version: 2, archived: true });
      expect(activity.before).toMatchObject({ commitmentIds: [commitmentId], agreementIds: [agreementId] });
      const c = await read(Q.commitment, { id: commitmentId });
      expect(c.evidence.totalCount).toBe(0);
      expect(c.statusHistory.edges.find((e: any) => e.node.id === statusChangeId).node.evidence).toEqual([
        { id: evidenceId, title: 'A source about something else', archived: true },
      ]);
      expect((await app.gql(`query($id: ID!) { agreement(id: $id) { sources { id } } }`, { id: agreementId })).data!.agreement.sources).toEqual([]);

      await refused(
        () => app.gql(M.changeStatus, { input: { commitmentId, expectedVersion: c.version, status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'Stalled', evidenceIds: [evidenceId] } }),
        'BAD_USER_INPUT', 'evidenceIds',
      );
      await refused(() => app.gql(M.archiveEvidence, { input: { id: evidenceId, expectedVersion: 2 } }), 'BAD_USER_INPUT', 'id');
      await refused(() => app.gql(M.archiveEvidence, { input: { id: UNKNOWN_ID, expectedVersion: 1 } }), 'NOT_FOUND', 'id');
    });
  });

  describe('links', () => {
    it('refuses a DEPENDS_ON link that closes a cycle, naming the field; other kinds and other directions go through', async () => {
      const [a, b, c] = [await newCommitment('Cycle A'), await newCommitment('Cycle B'), await newCommitment('Cycle C')];
      await ok(M.link, { fromCommitmentId: a.id, toCommitmentId: b.id, kind: 'DEPENDS_ON' });
      await ok(M.link, { fromCommitmentId: b.id, toCommitmentId: c.id, kind: 'DEPENDS_ON' });
      const error = await refused(() => app.gql(M.link, { input: { fromCommitmentId: c.id, toCommitmentId: a.id, kind: 'DEPENDS_ON' } }), 'BAD_USER_INPUT', 'toCommitmentId');
      expect(error.message).toContain('cycle');
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: b.id, toCommitmentId: a.id, kind: 'DEPENDS_ON' } }), 'BAD_USER_INPUT', 'toCommitmentId');
      await withOneActivity('commitment.linked', a.id, () => ok(M.link, { fromCommitmentId: a.id, toCommitmentId: c.id, kind: 'DEPENDS_ON' }));
      await ok(M.link, { fromCommitmentId: c.id, toCommitmentId: a.id, kind: 'RECIPROCAL' });
      await ok(M.link, { fromCommitmentId: c.id, toCommitmentId: a.id, kind: 'SUPERSEDES' });
    });

    it('refuses a 51st link on either end, and links to an archived commitment', async () => {
      const hub = await newCommitment('Linked fifty times');
      // 49 links set up in SQL, the 50th through the API, then the 51st refused.
      const others = await app.sql<{ id: string }>(
        `INSERT INTO commitments (id, workspace_id, agreement_id, title, status, priority, version)
         SELECT gen_random_uuid(), $1, $2, 'Spoke ' || n, 'ANNOUNCED', 'LOW', 1 FROM generate_series(1, 51) n RETURNING id`,
        [SEED_IDS.workspace, agreementId],
      );
      await app.sql(
        `INSERT INTO commitment_links (id, workspace_id, from_commitment_id, to_commitment_id, kind)
         SELECT gen_random_uuid(), $1, $2, unnest($3::uuid[]), 'RECIPROCAL'`,
        [SEED_IDS.workspace, hub.id, others.slice(0, 49).map((o) => o.id)],
      );
      await ok(M.link, { fromCommitmentId: others[49].id, toCommitmentId: hub.id, kind: 'RECIPROCAL' });
      expect((await read(Q.commitment, { id: hub.id })).links).toHaveLength(50);
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: others[50].id, toCommitmentId: hub.id, kind: 'SUPERSEDES' } }), 'BAD_USER_INPUT', 'toCommitmentId');
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: hub.id, toCommitmentId: others[50].id, kind: 'DEPENDS_ON' } }), 'BAD_USER_INPUT', 'fromCommitmentId');

      const archived = await newCommitment('Archived, not linkable');
      await ok(M.archiveCommitment, { id: archived.id, expectedVersion: archived.version });
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: others[50].id, toCommitmentId: archived.id, kind: 'RECIPROCAL' } }), 'BAD_USER_INPUT', 'toCommitmentId');
    });

    it('refuses the two halves of a cycle made at once: one of them goes through', async () => {
      const [a, b] = [await newCommitment('Race A'), await newCommitment('Race B')];
      const results = await Promise.all([
        app.gql(M.link, { input: { fromCommitmentId: a.id, toCommitmentId: b.id, kind: 'DEPENDS_ON' } }),
        app.gql(M.link, { input: { fromCommitmentId: b.id, toCommitmentId: a.id, kind: 'DEPENDS_ON' } }),
      ]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.find((r) => r.errors)!.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      const links = await app.sql('SELECT 1 FROM commitment_links WHERE kind = $1 AND $2 IN (from_commitment_id, to_commitment_id)', ['DEPENDS_ON', a.id]);
      expect(links).toHaveLength(1);
    });
  });

  it('an id made up by the caller is NOT_FOUND, never INTERNAL', async () => {
    await refused(() => app.gql(M.detachEvidence, { input: { commitmentId: randomUUID(), evidenceId: randomUUID() } }), 'NOT_FOUND', 'commitmentId');
  });
});
