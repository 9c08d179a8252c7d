import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, lastActivityId, rowCounts } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const C = SEED_IDS.commitments;
const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';
const SRE = '00000000-0000-4000-8000-000000000205';

const AGREEMENT_FIELDS = 'id title kind place heldOn summary version parties { code } participants { name } sources { id title url }';
const COMMITMENT_FIELDS = `
  id title description status version dueOn priority overdue
  agreement { id } parties { code } themes { slug } owner { acronym }
  statusHistory(first: 10) { totalCount edges { node { from to commitmentVersion } } }
  latestStatusChange { from to }
  evidence(first: 10) { totalCount edges { node { id title url } } }
  links { id kind direction commitment { id } }
  indicators { id name latestObservation { id value } }`;
const EVIDENCE_FIELDS = 'id url title publisher kind stance version addedBy';
const INDICATOR_FIELDS = 'id name unit baselineOn observations { id value asOf current revisesId note } latestObservation { id value asOf current }';

const M = {
  createAgreement: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { ${AGREEMENT_FIELDS} } } }`,
  updateAgreement: `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { agreement { ${AGREEMENT_FIELDS} } } }`,
  createCommitment: `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { ${COMMITMENT_FIELDS} } } }`,
  updateCommitment: `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { ${COMMITMENT_FIELDS} } } }`,
  addEvidence: `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { ${EVIDENCE_FIELDS} } commitment { id evidence(first: 10) { edges { node { id } } } } } }`,
  updateEvidence: `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { evidence { ${EVIDENCE_FIELDS} } } }`,
  createIndicator: `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { ${INDICATOR_FIELDS} } } }`,
  recordObservation: `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id value asOf current revisesId note evidence { id } } indicator { ${INDICATOR_FIELDS} } } }`,
  link: `mutation($input: LinkCommitmentsInput!) { linkCommitments(input: $input) {
    link { id kind direction commitment { id } }
    from { id links { id kind direction commitment { id } } }
    to { id links { id kind direction commitment { id } } } } }`,
  unlink: `mutation($input: UnlinkCommitmentsInput!) { unlinkCommitments(input: $input) {
    removedLinkId from { id links { id } } to { id links { id } } } }`,
};
const Q = {
  agreement: `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`,
  commitment: `query($id: ID!) { commitment(id: $id) { ${COMMITMENT_FIELDS} } }`,
  activity: `query($first: Int!, $after: String, $subjectId: ID) {
    activity(first: $first, after: $after, subjectId: $subjectId) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id verb subjectType subjectId actorType actorLabel before after createdAt } }
    } }`,
};

describe('writes: each mutation does its change and writes exactly one activity row with it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** Runs a mutation that must succeed and returns its payload. */
  const ok = async (mutation: string, input: Record<string, unknown>) => {
    const res = await app.gql(mutation, { input });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0] as Record<string, any>;
  };

  /** Runs `fn` and checks it added exactly one activity row, with this verb and subject. */
  const withOneActivity = async <T>(verb: string, fn: () => Promise<T>, subjectId?: (result: T) => string) => {
    const before = await lastActivityId(app);
    const result = await fn();
    const rows = await activitySince(app, before);
    expect(rows.map((r) => r.verb)).toEqual([verb]);
    if (subjectId) expect(rows[0].subject_id).toBe(subjectId(result));
    return { result, activity: rows[0] };
  };

  /** Runs a request that must be refused and checks that nothing at all was written. */
  const refused = async (request: () => Promise<GqlResponse>, code: string, field?: string) => {
    const counts = await rowCounts(app);
    const lastActivity = await lastActivityId(app);
    const error = expectError(await request(), code, field);
    expect(await rowCounts(app)).toEqual(counts);
    expect(await lastActivityId(app)).toBe(lastActivity);
    return error;
  };

  let agreementId: string;
  let commitmentId: string;

  describe('agreements', () => {
    it('createAgreement records the agreement with its parties and participants', async () => {
      const { result, activity } = await withOneActivity(
        'agreement.created',
        () => ok(M.createAgreement, {
          title: 'US–Mexico follow-up dialogue on smuggling networks',
          kind: 'DIALOGUE',
          partyCodes: ['mx', 'US'],
          heldOn: '2024-01-18',
          place: '  Washington, D.C. ',
          participantIds: ['00000000-0000-4000-8000-000000000301'],
        }),
        (p) => p.agreement.id,
      );
      const agreement = result.agreement;
      agreementId = agreement.id;
      expect(agreement).toMatchObject({
        title: 'US–Mexico follow-up dialogue on smuggling networks',
        kind: 'DIALOGUE',
        place: 'Washington, D.C.',
        heldOn: '2024-01-18',
        summary: '',
        version: 1,
        participants: [{ name: 'Alejandro Mayorkas' }],
        sources: [],
      });
      expect(agreement.parties.map((p: { code: string }) => p.code).sort()).toEqual(['MX', 'US']);
      expect(activity).toMatchObject({ subject_type: 'Agreement', after: { kind: 'DIALOGUE' } });
      const [row] = await app.sql('SELECT title, version FROM agreements WHERE id = $1', [agreementId]);
      expect(row).toEqual({ title: agreement.title, version: 1 });
    });

    it('updateAgreement changes what is given, bumps the version, and clears with null', async () => {
      const { result, activity } = await withOneActivity(
        'agreement.updated',
        () => ok(M.updateAgreement, { id: agreementId, expectedVersion: 1, summary: 'Follow-up on the December talks.', place: null }),
        (p) => p.agreement.id,
      );
      expect(result.agreement).toMatchObject({
        title: 'US–Mexico follow-up dialogue on smuggling networks',
        summary: 'Follow-up on the December talks.',
        place: null,
        heldOn: '2024-01-18',
        version: 2,
      });
      expect(activity.before).toMatchObject({ version: 1, place: 'Washington, D.C.', summary: '' });
      expect(activity.after).toMatchObject({ version: 2, place: null, summary: 'Follow-up on the December talks.' });
    });

    it('updateAgreement with a stale version is a CONFLICT naming the current version; nothing is overwritten', async () => {
      const error = await refused(
        () => app.gql(M.updateAgreement, { input: { id: agreementId, expectedVersion: 1, title: 'Overwritten?' } }),
        'CONFLICT',
        'expectedVersion',
      );
      expect(error.extensions!.currentVersion).toBe(2);
      expect(error.message).toContain('version 2');
      const read = await app.gql(Q.agreement, { id: agreementId });
      expect(read.data!.agreement).toMatchObject({ title: 'US–Mexico follow-up dialogue on smuggling networks', version: 2 });
    });

    it('two writers queued on one agreement: each answer carries the version its own change made, not the next writer\'s', async () => {
      // Each round, writer B expects the version writer A is about to make, so B waits on A's row
      // lock and commits right after A: an answer read after A's commit could show B's version.
      const raced = (await ok(M.createAgreement, { title: 'Agreement two writers update at once', kind: 'DIALOGUE', partyCodes: ['MX', 'US'] })).agreement.id;
      const versions = { made: [] as number[], answered: [] as number[] };
      let version = 1;
      for (let round = 0; round < 15; round++) {
        const [a, b] = await Promise.all(
          [version, version + 1].map((expectedVersion) => app.gql(M.updateAgreement, { input: { id: raced, expectedVersion, summary: `Round ${round} from ${expectedVersion}` } })),
        );
        for (const [res, expected] of [[a, version], [b, version + 1]] as const) {
          if (res.errors) {
            expect(res.errors[0].extensions!.code).toBe('CONFLICT');
            continue;
          }
          versions.made.push(expected + 1);
          versions.answered.push(res.data!.updateAgreement.agreement.version);
        }
        version = (await app.gql(Q.agreement, { id: raced })).data!.agreement.version;
      }
      expect(versions.made.length).toBeGreaterThanOrEqual(15);
      expect(versions.answered).toEqual(versions.made);
    });
  });

  describe('commitments', () => {
    it('createCommitment starts ANNOUNCED at version 1 with one status history entry', async () => {
      const { result, activity } = await withOneActivity(
        'commitment.created',
        () => ok(M.createCommitment, {
          agreementId,
          title: '  Mexico to share smuggling-network intelligence with CBP ',
          description: 'Monthly exchange of intelligence on smuggling networks.',
          partyCodes: ['MX'],
          themes: ['anti-smuggling'],
          ownerOrganizationId: SRE,
          priority: 'HIGH',
          dueOn: '2024-03-31',
        }),
        (p) => p.commitment.id,
      );
      const c = result.commitment;
      commitmentId = c.id;
      expect(c).toMatchObject({
        title: 'Mexico to share smuggling-network intelligence with CBP',
        status: 'ANNOUNCED',
        version: 1,
        dueOn: '2024-03-31',
        priority: 'HIGH',
        overdue: true,
        agreement: { id: agreementId },
        parties: [{ code: 'MX' }],
        themes: [{ slug: 'anti-smuggling' }],
        owner: { acronym: 'SRE' },
        latestStatusChange: { from: null, to: 'ANNOUNCED' },
        evidence: { totalCount: 0 },
        links: [],
        indicators: [],
      });
      expect(c.statusHistory).toEqual({ totalCount: 1, edges: [{ node: { from: null, to: 'ANNOUNCED', commitmentVersion: 1 } }] });
      expect(activity).toMatchObject({ subject_type: 'Commitment', after: { status: 'ANNOUNCED', agreementId } });
      expect(await app.sql('SELECT to_status FROM status_changes WHERE commitment_id = $1', [commitmentId])).toEqual([{ to_status: 'ANNOUNCED' }]);
    });

    it('updateCommitment changes fields and increments the version', async () => {
      const { result, activity } = await withOneActivity(
        'commitment.updated',
        () => ok(M.updateCommitment, { id: commitmentId, expectedVersion: 1, dueOn: '2099-06-30', priority: 'CRITICAL', themes: ['anti-smuggling', 'border-enforcement'] }),
        (p) => p.commitment.id,
      );
      expect(result.commitment).toMatchObject({ version: 2, dueOn: '2099-06-30', priority: 'CRITICAL', overdue: false, status: 'ANNOUNCED' });
      expect(result.commitment.themes.map((t: { slug: string }) => t.slug).sort()).toEqual(['anti-smuggling', 'border-enforcement']);
      expect(activity.before).toMatchObject({ version: 1, dueOn: '2024-03-31', priority: 'HIGH' });
      expect(activity.after).toMatchObject({ version: 2, dueOn: '2099-06-30', priority: 'CRITICAL' });
      // Editing is not a status change: the history is untouched.
      expect(result.commitment.statusHistory.totalCount).toBe(1);
    });

    it('updateCommitment with a stale version is a CONFLICT; nothing is overwritten', async () => {
      const error = await refused(
        () => app.gql(M.updateCommitment, { input: { id: commitmentId, expectedVersion: 1, title: 'Overwritten?' } }),
        'CONFLICT',
        'expectedVersion',
      );
      expect(error.extensions!.currentVersion).toBe(2);
      expect(error.message).toContain('version 2');
      const [row] = await app.sql('SELECT title, version FROM commitments WHERE id = $1', [commitmentId]);
      expect(row).toEqual({ title: 'Mexico to share smuggling-network intelligence with CBP', version: 2 });
    });

    it('updateCommitment with dueOn: null clears the due date; omitted fields stay', async () => {
      const { result } = await withOneActivity('commitment.updated', () => ok(M.updateCommitment, { id: commitmentId, expectedVersion: 2, dueOn: null }));
      expect(result.commitment).toMatchObject({ version: 3, dueOn: null, priority: 'CRITICAL', overdue: false, owner: { acronym: 'SRE' } });
      const [row] = await app.sql('SELECT due_on, priority FROM commitments WHERE id = $1', [commitmentId]);
      expect(row).toEqual({ due_on: null, priority: 'CRITICAL' });
    });
  });

  describe('evidence', () => {
    let evidenceId: string;

    it('addEvidence to a commitment: it leads the commitment\'s evidence', async () => {
      const { result, activity } = await withOneActivity(
        'evidence.added',
        () => ok(M.addEvidence, {
          commitmentId,
          url: 'https://www.gob.mx/sre/prensa/intelligence-exchange',
          title: 'SRE: first intelligence exchange with CBP',
          publisher: 'SRE',
          kind: 'OFFICIAL_STATEMENT',
        }),
        (p) => p.evidence.id,
      );
      evidenceId = result.evidence.id;
      expect(result.evidence).toMatchObject({ kind: 'OFFICIAL_STATEMENT', stance: 'SUPPORTS', version: 1, publisher: 'SRE' });
      expect(result.commitment.evidence.edges[0].node.id).toBe(evidenceId);
      expect(activity.subject_type).toBe('Evidence');

      const read = await app.gql(Q.commitment, { id: commitmentId });
      expect(read.data!.commitment.evidence).toEqual({
        totalCount: 1,
        edges: [{ node: { id: evidenceId, title: 'SRE: first intelligence exchange with CBP', url: 'https://www.gob.mx/sre/prensa/intelligence-exchange' } }],
      });
      // A seeded commitment with older sources shows the new one first.
      const seeded = await ok(M.addEvidence, { commitmentId: C.mxSmuggling, url: 'https://example.org/news/smuggling-arrests', title: 'Smuggling arrests in Chiapas' });
      const smuggling = await app.gql(Q.commitment, { id: C.mxSmuggling });
      expect(smuggling.data!.commitment.evidence.edges[0].node.id).toBe(seeded.evidence.id);
      expect(smuggling.data!.commitment.evidence.totalCount).toBe(2);
    });

    it('addEvidence to an agreement: it is one of the agreement\'s sources', async () => {
      const { result } = await withOneActivity(
        'evidence.added',
        () => ok(M.addEvidence, { agreementId, url: 'https://www.state.gov/joint-readout', title: 'Joint readout of the dialogue', kind: 'OFFICIAL_STATEMENT' }),
        (p) => p.evidence.id,
      );
      expect(result.commitment).toBeNull();
      const read = await app.gql(Q.agreement, { id: agreementId });
      expect(read.data!.agreement.sources).toEqual([{ id: result.evidence.id, title: 'Joint readout of the dialogue', url: 'https://www.state.gov/joint-readout' }]);
    });

    it('addEvidence with both ids, or neither, is refused', async () => {
      await refused(() => app.gql(M.addEvidence, { input: { commitmentId, agreementId, url: 'https://example.org/a', title: 'A' } }), 'BAD_USER_INPUT', 'commitmentId');
      await refused(() => app.gql(M.addEvidence, { input: { url: 'https://example.org/a', title: 'A' } }), 'BAD_USER_INPUT', 'commitmentId');
    });

    it('updateEvidence corrects a source and bumps its version', async () => {
      const { result, activity } = await withOneActivity(
        'evidence.updated',
        () => ok(M.updateEvidence, { id: evidenceId, expectedVersion: 1, title: 'SRE: first intelligence exchange with CBP (corrected)', stance: 'CONTEXT' }),
        (p) => p.evidence.id,
      );
      expect(result.evidence).toMatchObject({
        title: 'SRE: first intelligence exchange with CBP (corrected)',
        stance: 'CONTEXT',
        url: 'https://www.gob.mx/sre/prensa/intelligence-exchange',
        version: 2,
      });
      expect(activity.before).toMatchObject({ stance: 'SUPPORTS' });
      expect(activity.after).toMatchObject({ stance: 'CONTEXT' });
    });

    it('updateEvidence with a stale version is a CONFLICT; nothing is overwritten', async () => {
      const error = await refused(() => app.gql(M.updateEvidence, { input: { id: evidenceId, expectedVersion: 1, title: 'Overwritten?' } }), 'CONFLICT', 'expectedVersion');
      expect(error.extensions!.currentVersion).toBe(2);
      const [row] = await app.sql('SELECT title, version FROM evidence WHERE id = $1', [evidenceId]);
      expect(row).toEqual({ title: 'SRE: first intelligence exchange with CBP (corrected)', version: 2 });
    });

    it('updateEvidence refuses an address that is not http(s)', async () => {
      await refused(() => app.gql(M.updateEvidence, { input: { id: evidenceId, expectedVersion: 2, url: 'javascript:alert(1)' } }), 'BAD_USER_INPUT', 'url');
    });
  });

  describe('indicators', () => {
    let indicatorId: string;

    it('createIndicator adds a figure to the commitment', async () => {
      const { result } = await withOneActivity(
        'indicator.created',
        () => ok(M.createIndicator, { commitmentId, name: 'Smuggling networks dismantled', unit: 'networks', baselineOn: '2024-01-01' }),
        (p) => p.indicator.id,
      );
      indicatorId = result.indicator.id;
      expect(result.indicator).toMatchObject({ name: 'Smuggling networks dismantled', unit: 'networks', baselineOn: '2024-01-01', observations: [], latestObservation: null });
      const read = await app.gql(Q.commitment, { id: commitmentId });
      expect(read.data!.commitment.indicators).toEqual([{ id: indicatorId, name: 'Smuggling networks dismantled', latestObservation: null }]);
    });

    it('recordObservation: a second value for the same date revises the first, and both are kept', async () => {
      const first = await withOneActivity('indicator.observation_recorded', () => ok(M.recordObservation, { indicatorId, value: 3, asOf: '2024-02-01' }));
      const firstId = first.result.observation.id;
      expect(first.result.observation).toMatchObject({ value: 3, asOf: '2024-02-01', current: true, revisesId: null });

      const second = await withOneActivity(
        'indicator.observation_revised',
        () => ok(M.recordObservation, { indicatorId, value: 4, asOf: '2024-02-01', note: 'Revised after the SRE report', evidenceId: SEED_IDS.evidence.article }),
      );
      const secondId = second.result.observation.id;
      expect(second.result.observation).toMatchObject({ value: 4, current: true, revisesId: firstId, note: 'Revised after the SRE report', evidence: { id: SEED_IDS.evidence.article } });
      expect(second.activity.before).toEqual({ value: 3, asOf: '2024-02-01' });

      const { observations, latestObservation } = second.result.indicator;
      expect(observations).toEqual([
        { id: firstId, value: 3, asOf: '2024-02-01', current: false, revisesId: null, note: null },
        { id: secondId, value: 4, asOf: '2024-02-01', current: true, revisesId: firstId, note: 'Revised after the SRE report' },
      ]);
      expect(latestObservation).toEqual({ id: secondId, value: 4, asOf: '2024-02-01', current: true });
      expect(await app.sql('SELECT count(*)::int AS n FROM observations WHERE indicator_id = $1', [indicatorId])).toEqual([{ n: 2 }]);
    });

    it('recordObservation for an earlier date keeps the later one as the latest', async () => {
      const { result } = await withOneActivity('indicator.observation_recorded', () => ok(M.recordObservation, { indicatorId, value: 1, asOf: '2024-01-15' }));
      expect(result.indicator.latestObservation).toMatchObject({ value: 4, asOf: '2024-02-01' });
      expect(result.indicator.observations.map((o: { asOf: string }) => o.asOf)).toEqual(['2024-01-15', '2024-02-01', '2024-02-01']);
    });

    it('recordObservation for an unknown indicator is NOT_FOUND', async () => {
      await refused(() => app.gql(M.recordObservation, { input: { indicatorId: UNKNOWN_ID, value: 1, asOf: '2024-01-15' } }), 'NOT_FOUND', 'indicatorId');
    });
  });

  describe('links between commitments', () => {
    let linkId: string;

    it('linkCommitments RECIPROCAL is visible from both sides, with directions', async () => {
      const { result } = await withOneActivity(
        'commitment.linked',
        () => ok(M.link, { fromCommitmentId: commitmentId, toCommitmentId: C.usCbpCrackdown, kind: 'RECIPROCAL' }),
        () => commitmentId,
      );
      linkId = result.link.id;
      expect(result.link).toEqual({ id: linkId, kind: 'RECIPROCAL', direction: 'OUTGOING', commitment: { id: C.usCbpCrackdown } });
      expect(result.from.links).toContainEqual({ id: linkId, kind: 'RECIPROCAL', direction: 'OUTGOING', commitment: { id: C.usCbpCrackdown } });
      expect(result.to.links).toContainEqual({ id: linkId, kind: 'RECIPROCAL', direction: 'INCOMING', commitment: { id: commitmentId } });

      const other = await app.gql(Q.commitment, { id: C.usCbpCrackdown });
      expect(other.data!.commitment.links).toContainEqual({ id: linkId, kind: 'RECIPROCAL', direction: 'INCOMING', commitment: { id: commitmentId } });
    });

    it.each([
      ['the same direction', () => ({ fromCommitmentId: commitmentId, toCommitmentId: C.usCbpCrackdown })],
      ['the other direction', () => ({ fromCommitmentId: C.usCbpCrackdown, toCommitmentId: commitmentId })],
      ['the other direction of a seeded link', () => ({ fromCommitmentId: C.usCbpCrackdown, toCommitmentId: C.mxSmuggling })],
    ])('a duplicate reciprocal link in %s is a CONFLICT', async (_what, ends) => {
      const error = await refused(() => app.gql(M.link, { input: { ...ends(), kind: 'RECIPROCAL' } }), 'CONFLICT');
      expect(error.message).toContain('already linked');
    });

    it('linking a commitment to itself is refused', async () => {
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: commitmentId, toCommitmentId: commitmentId, kind: 'DEPENDS_ON' } }), 'BAD_USER_INPUT', 'toCommitmentId');
    });

    it('linking to an unknown commitment is NOT_FOUND', async () => {
      await refused(() => app.gql(M.link, { input: { fromCommitmentId: commitmentId, toCommitmentId: UNKNOWN_ID, kind: 'DEPENDS_ON' } }), 'NOT_FOUND', 'toCommitmentId');
    });

    it('DEPENDS_ON goes one way: OUTGOING from the dependent, INCOMING on the other', async () => {
      const { link, from, to } = await ok(M.link, { fromCommitmentId: C.jointStatement, toCommitmentId: commitmentId, kind: 'DEPENDS_ON' });
      expect(link).toMatchObject({ kind: 'DEPENDS_ON', direction: 'OUTGOING', commitment: { id: commitmentId } });
      expect(from.links).toContainEqual({ id: link.id, kind: 'DEPENDS_ON', direction: 'OUTGOING', commitment: { id: commitmentId } });
      expect(to.links).toContainEqual({ id: link.id, kind: 'DEPENDS_ON', direction: 'INCOMING', commitment: { id: C.jointStatement } });
    });

    it('two concurrent reciprocal links between the same pair, in opposite directions: one is made, the other is a CONFLICT', async () => {
      const before = await rowCounts(app);
      const results = await Promise.all([
        app.gql(M.link, { input: { fromCommitmentId: C.mxHumaneBorder, toCommitmentId: C.jointStatement, kind: 'RECIPROCAL' } }),
        app.gql(M.link, { input: { fromCommitmentId: C.jointStatement, toCommitmentId: C.mxHumaneBorder, kind: 'RECIPROCAL' } }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const failed = results.filter((r) => r.errors);
      expect(failed).toHaveLength(1);
      expectError(failed[0], 'CONFLICT');
      expect((await rowCounts(app)).commitment_links).toBe(before.commitment_links + 1);
    });

    it('unlinkCommitments removes the link from both sides', async () => {
      const { result, activity } = await withOneActivity('commitment.unlinked', () => ok(M.unlink, { linkId }), () => commitmentId);
      expect(result.removedLinkId).toBe(linkId);
      expect(result.from.id).toBe(commitmentId);
      expect(result.to.id).toBe(C.usCbpCrackdown);
      expect(result.from.links.map((l: { id: string }) => l.id)).not.toContain(linkId);
      expect(result.to.links.map((l: { id: string }) => l.id)).not.toContain(linkId);
      expect(activity.before).toMatchObject({ linkId, kind: 'RECIPROCAL', toCommitmentId: C.usCbpCrackdown });
      expect(await app.sql('SELECT 1 FROM commitment_links WHERE id = $1', [linkId])).toEqual([]);
    });

    it('unlinking a link that is gone is NOT_FOUND', async () => {
      await refused(() => app.gql(M.unlink, { input: { linkId } }), 'NOT_FOUND', 'linkId');
    });

    it('after unlinking, the pair can be linked again', async () => {
      const { link } = await ok(M.link, { fromCommitmentId: C.usCbpCrackdown, toCommitmentId: commitmentId, kind: 'RECIPROCAL' });
      expect(link).toMatchObject({ kind: 'RECIPROCAL', direction: 'OUTGOING', commitment: { id: commitmentId } });
    });
  });

  describe('the change feed', () => {
    it('lists every change newest first, as stored', async () => {
      const stored = await app.sql<{ id: string; verb: string }>('SELECT id::text, verb FROM activity ORDER BY activity.id DESC');
      const res = await app.gql(Q.activity, { first: 100 });
      expect(res.errors).toBeUndefined();
      const feed = res.data!.activity;
      expect(feed.totalCount).toBe(stored.length);
      expect(feed.edges.map((e: any) => ({ id: e.node.id, verb: e.node.verb }))).toEqual(stored.slice(0, 100));
      expect(feed.edges[0].node).toMatchObject({ verb: 'commitment.linked', subjectType: 'Commitment', actorType: 'USER', actorLabel: 'Ana Analyst' });
      const ids = feed.edges.map((e: any) => BigInt(e.node.id));
      expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
      for (const verb of [
        'agreement.created', 'agreement.updated', 'commitment.created', 'commitment.updated', 'evidence.added', 'evidence.updated',
        'indicator.created', 'indicator.observation_recorded', 'indicator.observation_revised', 'commitment.linked', 'commitment.unlinked',
      ]) {
        expect(feed.edges.map((e: any) => e.node.verb)).toContain(verb);
      }
    });

    it('pages with its cursor: every change once, in order', async () => {
      const all = (await app.sql<{ id: string }>('SELECT id::text FROM activity ORDER BY activity.id DESC')).map((r) => r.id);
      expect(all.length).toBeGreaterThan(6);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const res: GqlResponse = await app.gql(Q.activity, { first: 4, after });
        expect(res.errors).toBeUndefined();
        const feed = res.data!.activity;
        expect(feed.totalCount).toBe(all.length);
        seen.push(...feed.edges.map((e: any) => e.node.id));
        if (!feed.pageInfo.hasNextPage) break;
        after = feed.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });

    it('narrows to one subject', async () => {
      const res = await app.gql(Q.activity, { first: 100, subjectId: agreementId });
      const verbs = res.data!.activity.edges.map((e: any) => e.node.verb);
      // Its sources are changes to evidence, listed under the evidence.
      expect(verbs).toEqual(['agreement.updated', 'agreement.created']);
      expect(res.data!.activity.edges.every((e: any) => e.node.subjectId === agreementId)).toBe(true);
    });

    it('refuses a cursor of another list', async () => {
      const commitments = await app.gql('{ commitments(first: 1) { pageInfo { endCursor } } }');
      const res = await app.gql(Q.activity, { first: 5, after: commitments.data!.commitments.pageInfo.endCursor });
      expectError(res, 'BAD_USER_INPUT', 'after');
    });
  });
});
