import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, expectNoLeak, lastActivityId, rowCounts } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

const C = SEED_IDS.commitments;
const UNKNOWN_ID = '00000000-0000-4000-8000-999999999999';

const CHANGE_STATUS = `
  mutation Change($input: ChangeCommitmentStatusInput!) {
    changeCommitmentStatus(input: $input) {
      commitment {
        id status version
        latestStatusChange { id from to note }
        statusHistory(first: 10) { totalCount edges { node { id from to note reasonCode commitmentVersion } } }
        evidence(first: 10) { totalCount edges { node { id url title } } }
      }
      statusChange { id from to note reasonCode commitmentVersion evidence { id url title } }
    }
  }`;

const READ = `
  query Read($id: ID!) {
    commitment(id: $id) {
      status version
      statusHistory(first: 10) { totalCount edges { node { id to } } }
    }
  }`;

describe('changing the status of a commitment', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const change = (input: Record<string, unknown>) => app.gql(CHANGE_STATUS, { input });

  /** The commitment's row as stored, read past the API. */
  const stored = async (id: string) => {
    const [row] = await app.sql<{ status: string; version: number }>('SELECT status, version FROM commitments WHERE id = $1', [id]);
    return row;
  };

  /** Runs `fn` and checks that it changed no row anywhere, and left the commitment as it was. */
  const expectNothingWritten = async (commitmentId: string, fn: () => Promise<void>) => {
    const countsBefore = await rowCounts(app);
    const rowBefore = await stored(commitmentId);
    await fn();
    expect(await stored(commitmentId)).toEqual(rowBefore);
    expect(await rowCounts(app)).toEqual(countsBefore);
  };

  it('moves the human-smuggling commitment to IN_PROGRESS with a note, in history and in the activity log', async () => {
    const before = await lastActivityId(app);
    const note = 'Mexico deployed extra agents against smuggling networks in Chiapas.';
    const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: 1, status: 'IN_PROGRESS', note });
    expect(res.errors).toBeUndefined();
    const { commitment, statusChange } = res.data!.changeCommitmentStatus;

    expect(commitment).toMatchObject({ id: C.mxSmuggling, status: 'IN_PROGRESS', version: 2 });
    expect(statusChange).toMatchObject({ from: 'ANNOUNCED', to: 'IN_PROGRESS', note, reasonCode: null, commitmentVersion: 2, evidence: [] });
    expect(commitment.statusHistory.totalCount).toBe(2);
    expect(commitment.statusHistory.edges[0].node).toMatchObject({ id: statusChange.id, from: 'ANNOUNCED', to: 'IN_PROGRESS', note });
    expect(commitment.statusHistory.edges[1].node).toMatchObject({ from: null, to: 'ANNOUNCED' });
    expect(commitment.latestStatusChange).toEqual({ id: statusChange.id, from: 'ANNOUNCED', to: 'IN_PROGRESS', note });

    // A fresh read agrees with the payload.
    const read = await app.gql(READ, { id: C.mxSmuggling });
    expect(read.data!.commitment).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect(read.data!.commitment.statusHistory.edges[0].node).toEqual({ id: statusChange.id, to: 'IN_PROGRESS' });

    // Exactly one activity row, in the same database, with the status before and after.
    const activity = await activitySince(app, before);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      verb: 'commitment.status_changed',
      subject_type: 'Commitment',
      subject_id: C.mxSmuggling,
      before: { status: 'ANNOUNCED', version: 1 },
      after: { status: 'IN_PROGRESS', version: 2, note },
    });
    expect(await stored(C.mxSmuggling)).toEqual({ status: 'IN_PROGRESS', version: 2 });
  });

  describe('refuses a change the status rules do not allow, naming the field, and writes nothing', () => {
    const refused: [string, Record<string, unknown>, string][] = [
      ['FULFILLED without evidence', { status: 'FULFILLED', note: 'Smuggling rings dismantled.' }, 'evidenceIds'],
      ['FULFILLED with evidence but no note', { status: 'FULFILLED', evidenceIds: [SEED_IDS.evidence.dhsStatement] }, 'note'],
      ['FULFILLED with evidence and a blank note', { status: 'FULFILLED', evidenceIds: [SEED_IDS.evidence.dhsStatement], note: '   ' }, 'note'],
      ['PARTIALLY_FULFILLED without evidence', { status: 'PARTIALLY_FULFILLED', note: 'Some arrests.' }, 'evidenceIds'],
      ['STALLED without a reason code', { status: 'STALLED', note: 'Nothing heard since the talks.' }, 'reasonCode'],
      ['BROKEN with neither evidence, note nor reason code', { status: 'BROKEN' }, 'note'],
      ['BROKEN with a note and a reason code but no evidence', { status: 'BROKEN', note: 'Abandoned.', reasonCode: 'POLITICAL_CHANGE' }, 'evidenceIds'],
      ['BROKEN with a note and evidence but no reason code', { status: 'BROKEN', note: 'Abandoned.', evidenceIds: [SEED_IDS.evidence.article] }, 'reasonCode'],
    ];

    it.each(refused)('%s', async (_what, change, field) => {
      const { version } = await stored(C.mxSmuggling);
      await expectNothingWritten(C.mxSmuggling, async () => {
        const res = await app.gql(CHANGE_STATUS, { input: { commitmentId: C.mxSmuggling, expectedVersion: version, ...change } });
        expectError(res, 'BAD_USER_INPUT', field);
      });
    });

    describe('evidence whose stance does not match the verdict', () => {
      const contradicting = { url: 'https://example.org/smuggling-up', title: 'Smuggling up 40%', stance: 'CONTRADICTS' };
      const mismatched: [string, Record<string, unknown>, string][] = [
        ['FULFILLED whose only source contradicts it', { status: 'FULFILLED', note: 'Done.', newEvidence: [contradicting] }, 'SUPPORTS'],
        ['FULFILLED whose only source gives context', { status: 'FULFILLED', note: 'Done.', evidenceIds: [SEED_IDS.evidence.article] }, 'SUPPORTS'],
        ['PARTIALLY_FULFILLED whose sources contradict it or give context', { status: 'PARTIALLY_FULFILLED', note: 'Some.', evidenceIds: [SEED_IDS.evidence.article], newEvidence: [contradicting] }, 'SUPPORTS'],
        ['BROKEN whose only source supports the commitment', { status: 'BROKEN', note: 'Abandoned.', reasonCode: 'OTHER', evidenceIds: [SEED_IDS.evidence.dhsStatement] }, 'CONTRADICTS or CONTEXT'],
        ['BROKEN whose new source keeps the default stance SUPPORTS', { status: 'BROKEN', note: 'Abandoned.', reasonCode: 'OTHER', newEvidence: [{ url: 'https://example.org/x', title: 'X' }] }, 'CONTRADICTS or CONTEXT'],
      ];
      it.each(mismatched)('%s is BAD_USER_INPUT on evidenceIds, saying which stance it needs', async (_what, input, wanted) => {
        const { version } = await stored(C.mxSmuggling);
        await expectNothingWritten(C.mxSmuggling, async () => {
          const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: version, ...input });
          const error = expectError(res, 'BAD_USER_INPUT', 'evidenceIds');
          expect(error.message).toContain(`needs at least one source whose stance is ${wanted}`);
        });
      });
    });

    it('names every missing piece of a move to BROKEN', async () => {
      const { version } = await stored(C.mxSmuggling);
      await expectNothingWritten(C.mxSmuggling, async () => {
        const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: version, status: 'BROKEN' });
        const error = expectError(res, 'BAD_USER_INPUT');
        const fields = error.extensions!.violations.map((v: { field: string }) => v.field);
        expect(fields).toEqual(expect.arrayContaining(['note', 'evidenceIds', 'reasonCode']));
        expect(error.message).toMatch(/note/);
        expect(error.message).toMatch(/evidence/);
        expect(error.message).toMatch(/reason code/);
      });
    });

    it('refuses a move to the status the commitment already has', async () => {
      const { version, status } = await stored(C.mxSmuggling);
      expect(status).toBe('IN_PROGRESS');
      await expectNothingWritten(C.mxSmuggling, async () => {
        const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: version, status, note: 'Still going.' });
        const error = expectError(res, 'BAD_USER_INPUT', 'status');
        expect(error.message).toContain('already IN_PROGRESS');
      });
    });

    it('refuses a reason code on a move that takes none', async () => {
      const { version } = await stored(C.mxSmuggling);
      await expectNothingWritten(C.mxSmuggling, async () => {
        const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: version, status: 'ANNOUNCED', reasonCode: 'NO_FUNDING' });
        expectError(res, 'BAD_USER_INPUT', 'reasonCode');
      });
    });
  });

  it('moves to FULFILLED with a note and a new source, which leads the evidence and is on the change', async () => {
    const { version } = await stored(C.mxHumaneBorder);
    const before = await lastActivityId(app);
    const source = { url: 'https://www.gob.mx/sre/prensa/repatriation-report-2024', title: 'SRE report on humane repatriation' };
    const res = await change({
      commitmentId: C.mxHumaneBorder,
      expectedVersion: version,
      status: 'FULFILLED',
      note: 'The SRE report documents humane repatriation at every crossing.',
      newEvidence: [source],
    });
    expect(res.errors).toBeUndefined();
    const { commitment, statusChange } = res.data!.changeCommitmentStatus;
    expect(commitment).toMatchObject({ status: 'FULFILLED', version: version + 1 });
    expect(statusChange.evidence).toEqual([{ id: expect.any(String), ...source }]);
    const newId = statusChange.evidence[0].id;
    expect(commitment.evidence.edges[0].node).toEqual({ id: newId, ...source });
    expect(commitment.evidence.totalCount).toBe(2); // the article, and the new source

    const [row] = await app.sql('SELECT url, title, kind, stance FROM evidence WHERE id = $1', [newId]);
    expect(row).toEqual({ ...source, kind: 'NEWS', stance: 'SUPPORTS' });
    const verbs = (await activitySince(app, before)).map((a) => a.verb).sort();
    expect(verbs).toEqual(['commitment.status_changed', 'evidence.added']);
  });

  it('moves to FULFILLED with an existing source by id (one that supports it)', async () => {
    const { version } = await stored(C.jointStatement);
    const res = await change({
      commitmentId: C.jointStatement,
      expectedVersion: version,
      status: 'FULFILLED',
      note: 'The joint statement was published.',
      evidenceIds: [SEED_IDS.evidence.dhsStatement],
    });
    expect(res.errors).toBeUndefined();
    const { commitment, statusChange } = res.data!.changeCommitmentStatus;
    expect(commitment).toMatchObject({ status: 'FULFILLED', version: version + 1 });
    expect(statusChange).toMatchObject({ from: 'ANNOUNCED', to: 'FULFILLED', note: 'The joint statement was published.' });
    expect(statusChange.evidence.map((e: { id: string }) => e.id)).toEqual([SEED_IDS.evidence.dhsStatement]);
    expect(commitment.evidence.edges.map((e: any) => e.node.id)).toContain(SEED_IDS.evidence.dhsStatement);
    const links = await app.sql('SELECT evidence_id FROM status_change_evidence WHERE status_change_id = $1', [statusChange.id]);
    expect(links).toEqual([{ evidence_id: SEED_IDS.evidence.dhsStatement }]);
  });

  it('moves to BROKEN with a new source that contradicts the commitment', async () => {
    const { version } = await stored(C.usCbpCrackdown);
    const res = await change({
      commitmentId: C.usCbpCrackdown,
      expectedVersion: version,
      status: 'BROKEN',
      note: 'The operation was called off.',
      reasonCode: 'POLITICAL_CHANGE',
      newEvidence: [{ url: 'https://example.org/called-off', title: 'Operation called off', stance: 'CONTRADICTS' }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeCommitmentStatus.commitment).toMatchObject({ status: 'BROKEN', version: version + 1 });
  });

  describe('refuses a new source whose address is not plain http(s), naming the field path, and writes nothing', () => {
    const badUrls = ['javascript:alert(1)', 'file:///etc/passwd', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'ftp://x'];

    it.each(badUrls)('%j', async (url) => {
      const { version } = await stored(C.usCbpCrackdown);
      await expectNothingWritten(C.usCbpCrackdown, async () => {
        const res = await change({
          commitmentId: C.usCbpCrackdown,
          expectedVersion: version,
          status: 'PARTIALLY_FULFILLED',
          note: 'Some smugglers prosecuted.',
          newEvidence: [{ url, title: 'A source' }],
        });
        const error = expectError(res, 'BAD_USER_INPUT', 'newEvidence[0].url');
        expect(error.message).toContain('newEvidence[0].url');
      });
    });

    it('names the position of the bad one among several', async () => {
      const { version } = await stored(C.usCbpCrackdown);
      await expectNothingWritten(C.usCbpCrackdown, async () => {
        const res = await change({
          commitmentId: C.usCbpCrackdown,
          expectedVersion: version,
          status: 'PARTIALLY_FULFILLED',
          note: 'Some smugglers prosecuted.',
          newEvidence: [{ url: 'https://www.cbp.gov/newsroom', title: 'CBP newsroom' }, { url: 'javascript:alert(1)', title: 'A trap' }],
        });
        expectError(res, 'BAD_USER_INPUT', 'newEvidence[1].url');
      });
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, overwriting nothing', async () => {
    const { version, status } = await stored(C.mxSmuggling);
    expect(version).toBeGreaterThan(1);
    await expectNothingWritten(C.mxSmuggling, async () => {
      const res = await change({ commitmentId: C.mxSmuggling, expectedVersion: version - 1, status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'Stale view.' });
      const error = expectError(res, 'CONFLICT', 'expectedVersion');
      expect(error.extensions!.currentVersion).toBe(version);
      expect(error.message).toContain(`version ${version}`);
    });
    expect((await stored(C.mxSmuggling)).status).toBe(status);
  });

  it('lets exactly one of two concurrent changes from the same version through; the other gets CONFLICT', async () => {
    const { version } = await stored(C.usRepatriationFlights);
    const history = async () => (await app.sql('SELECT count(*)::int AS n FROM status_changes WHERE commitment_id = $1', [C.usRepatriationFlights]))[0].n;
    const historyBefore = await history();
    const [a, b] = await Promise.all([
      change({ commitmentId: C.usRepatriationFlights, expectedVersion: version, status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'Flights paused.' }),
      change({ commitmentId: C.usRepatriationFlights, expectedVersion: version, status: 'ANNOUNCED', note: 'Back to announced.' }),
    ]);
    const results = [a, b];
    const succeeded = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const error = expectError(failed[0], 'CONFLICT', 'expectedVersion');
    expect(error.extensions!.currentVersion).toBe(version + 1);

    const winner = succeeded[0].data!.changeCommitmentStatus.commitment;
    expect(winner.version).toBe(version + 1);
    expect(await history()).toBe(historyBefore + 1);
    expect(await stored(C.usRepatriationFlights)).toEqual({ status: winner.status, version: version + 1 });
  });

  it('20 writers at once on one commitment, each retrying on CONFLICT: every change lands once, a version apart, moving from the status the one before left', async () => {
    const id = C.usRepatriationFlights;
    const start = await stored(id);
    const entries = async () =>
      app.sql<{ from_status: string; to_status: string; commitment_version: number }>(
        `SELECT from_status, to_status, commitment_version FROM status_changes
         WHERE commitment_id = $1 AND kind = 'STATUS_CHANGE' AND commitment_version > $2 ORDER BY commitment_version`,
        [id, start.version],
      );
    const logged = async () =>
      app.sql<{ before: { status: string; version: number }; after: { status: string; version: number } }>(
        `SELECT before, after FROM activity WHERE subject_id = $1 AND verb = 'commitment.status_changed' AND (after->>'version')::int > $2
         ORDER BY (after->>'version')::int`,
        [id, start.version],
      );
    let conflicts = 0;
    await Promise.all(Array.from({ length: 20 }, async (_, writer) => {
      for (;;) {
        const now = await stored(id);
        const status = now.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
        const res = await change({ commitmentId: id, expectedVersion: now.version, status, note: `Writer ${writer + 1}` });
        if (!res.errors) return;
        expectError(res, 'CONFLICT', 'expectedVersion');
        conflicts += 1;
      }
    }));
    expect(conflicts).toBeGreaterThan(0); // the writers really met
    expect((await stored(id)).version).toBe(start.version + 20);
    const history = await entries();
    expect(history.map((e) => e.commitment_version)).toEqual(Array.from({ length: 20 }, (_, i) => start.version + 1 + i));
    history.forEach((e, i) => {
      expect(e.from_status).toBe(i === 0 ? start.status : history[i - 1].to_status);
      expect(e.to_status).not.toBe(e.from_status);
    });
    const rows = await logged();
    expect(rows.map((r) => [r.before.status, r.before.version, r.after.status, r.after.version]))
      .toEqual(history.map((e) => [e.from_status, e.commitment_version - 1, e.to_status, e.commitment_version]));
  });

  it('answers NOT_FOUND for a commitment that does not exist', async () => {
    const countsBefore = await rowCounts(app);
    const res = await change({ commitmentId: UNKNOWN_ID, expectedVersion: 1, status: 'IN_PROGRESS', note: 'x' });
    const error = expectError(res, 'NOT_FOUND', 'commitmentId');
    expect(error.message).toContain(UNKNOWN_ID);
    expect(await rowCounts(app)).toEqual(countsBefore);
  });

  it('answers NOT_FOUND, naming evidenceIds, for a source that does not exist, and writes nothing (new sources included)', async () => {
    const { version } = await stored(C.usCbpCrackdown);
    await expectNothingWritten(C.usCbpCrackdown, async () => {
      const res = await change({
        commitmentId: C.usCbpCrackdown,
        expectedVersion: version,
        status: 'FULFILLED',
        note: 'Done.',
        evidenceIds: [SEED_IDS.evidence.article, UNKNOWN_ID],
        newEvidence: [{ url: 'https://www.cbp.gov/newsroom/fulfilled', title: 'Would be new' }],
      });
      const error = expectError(res, 'NOT_FOUND', 'evidenceIds');
      expect(error.message).toContain(UNKNOWN_ID);
    });
  });

  it('refuses a malformed id as bad input', async () => {
    const countsBefore = await rowCounts(app);
    expectError(await change({ commitmentId: 'abc', expectedVersion: 1, status: 'IN_PROGRESS' }), 'BAD_USER_INPUT', 'commitmentId');
    expectError(
      await change({ commitmentId: C.mxSmuggling, expectedVersion: 2, status: 'FULFILLED', note: 'x', evidenceIds: ['abc'] }),
      'BAD_USER_INPUT',
      'evidenceIds',
    );
    expect(await rowCounts(app)).toEqual(countsBefore);
  });

  it('refuses a status outside the vocabulary at validation, without a stack trace', async () => {
    const countsBefore = await rowCounts(app);
    const asVariable = await change({ commitmentId: C.mxSmuggling, expectedVersion: 2, status: 'DONE' });
    const error = expectError(asVariable, 'BAD_USER_INPUT', 'status');
    expect(error.message).toContain('DONE');
    expect(error.message).toContain('CommitmentStatus');

    const inline = await app.gql(`mutation { changeCommitmentStatus(input: { commitmentId: "${C.mxSmuggling}", expectedVersion: 2, status: DONE }) { commitment { id } } }`);
    expectError(inline, 'BAD_USER_INPUT');
    for (const res of [asVariable, inline]) {
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/\n\s+at |\bat \S+ \(/);
      expect(text).not.toContain('stacktrace');
      expect(text).not.toContain('.ts:');
      expectNoLeak(res);
    }
    expect(await rowCounts(app)).toEqual(countsBefore);
  });
});
