import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { signUpAndConfirm } from './support/accounts';
import { activitySince, expectError, lastActivityId } from './support/expectations';
import { Recording, subscribe } from './support/live';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * Responsible people: members assigned to commitments (analysts and above assign), the activity
 * row, notification and watch an assignment brings, the list filter by assignee and by "me"
 * (My work), and workspace isolation of all of it.
 */

const C = SEED_IDS.commitments;
const Q = {
  assign: 'mutation($input: AssignCommitmentInput!) { assignCommitment(input: $input) { changed userId commitment { id assignees { id name } } } }',
  unassign: 'mutation($input: UnassignCommitmentInput!) { unassignCommitment(input: $input) { changed userId commitment { id assignees { id name } } } }',
  assignees: 'query($id: ID!) { commitment(id: $id) { assignees { id name } } }',
  list: `query($filter: CommitmentFilter) { commitments(first: 50, filter: $filter, orderBy: { field: DUE_ON, direction: ASC }) {
    totalCount edges { node { id assignees { name } } } } }`,
  notifications: `query { notifications(first: 10) { unreadCount edges { node { kind actorLabel subjectTitle read comment { id } commitment { id title } } } } }`,
  watches: 'query { me { watches { subjectType subjectId } } }',
  preview: 'query { digestPreview { text itemCount } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }',
  archive: 'mutation($input: ArchiveCommitmentInput!) { archiveCommitment(input: $input) { commitment { id } } }',
  restore: 'mutation($input: RestoreCommitmentInput!) { restoreCommitment(input: $input) { commitment { id } } }',
  createKey: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
};
const NOTIFICATION_ADDED = 'subscription { notificationAdded { kind actorLabel subjectTitle comment { id } commitment { id } } }';

describe('assignees and My work', () => {
  let app: TestApp;
  let writeKey: string;
  const open: Recording<any>[] = [];

  const as = (token: string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<any>> => app.request({ query, variables, token });
  const ok = async (token: string, query: string, variables?: Record<string, unknown>) => {
    const res = await as(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as Record<string, any>;
  };
  const assign = (token: string, commitmentId: string, userId: string) => as(token, Q.assign, { input: { commitmentId, userId } });
  const assignees = async (id: string) => (await ok(app.tokens.viewer, Q.assignees, { id })).commitment.assignees.map((a: { name: string }) => a.name);
  const listed = async (token: string, filter: Record<string, unknown>) => (await ok(token, Q.list, { filter })).commitments.edges.map((e: any) => e.node.id);
  const rows = () => app.sql('SELECT commitment_id, user_id, assigned_by FROM commitment_assignees ORDER BY commitment_id, user_id');
  /** A refused call: the error, and not one row of assignments, notifications, watches or activity written. */
  const refused = async (call: Promise<GqlResponse<any>>, code: string, field?: string) => {
    const count = () => app.sql('SELECT (SELECT count(*) FROM commitment_assignees)::int AS a, (SELECT count(*) FROM notifications)::int AS n, (SELECT count(*) FROM watches)::int AS w, (SELECT count(*) FROM activity)::int AS act');
    const before = await count();
    expectError(await call, code, field);
    expect(await count()).toEqual(before);
  };

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    writeKey = (await ok(app.tokens.owner, Q.createKey, { input: { name: 'Assigning script', scope: 'READ_WRITE' } })).createApiKey.secret;
  });
  afterEach(() => open.splice(0).forEach((r) => r.close()));
  afterAll(() => app?.close());

  it('an analyst assigns and unassigns members; each change is one activity row; assigning again or unassigning twice changes nothing', async () => {
    const since = await lastActivityId(app);
    const first = await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.viewer.id } });
    expect(first.assignCommitment).toEqual({ changed: true, userId: DEMO_USERS.viewer.id, commitment: { id: C.mxHumaneBorder, assignees: [{ id: DEMO_USERS.viewer.id, name: 'Victor Viewer' }] } });
    await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.owner.id } });
    expect(await assignees(C.mxHumaneBorder)).toEqual(['Olivia Owner', 'Victor Viewer']);
    expect(await rows()).toEqual(
      expect.arrayContaining([{ commitment_id: C.mxHumaneBorder, user_id: DEMO_USERS.viewer.id, assigned_by: DEMO_USERS.analyst.id }]),
    );

    const again = await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.viewer.id } });
    expect(again.assignCommitment.changed).toBe(false);
    const removed = await ok(app.tokens.analyst, Q.unassign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.owner.id } });
    expect(removed.unassignCommitment).toMatchObject({ changed: true, commitment: { assignees: [{ name: 'Victor Viewer' }] } });
    const twice = await ok(app.tokens.analyst, Q.unassign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.owner.id } });
    expect(twice.unassignCommitment.changed).toBe(false);

    const activity = (await activitySince(app, since)).filter((a) => a.verb.startsWith('commitment.')).reverse();
    expect(activity.map((a) => [a.verb, a.subject_id])).toEqual([
      ['commitment.assigned', C.mxHumaneBorder],
      ['commitment.assigned', C.mxHumaneBorder],
      ['commitment.unassigned', C.mxHumaneBorder],
    ]);
    expect(activity[0].after).toMatchObject({ assigneeId: DEMO_USERS.viewer.id, assigneeName: 'Victor Viewer', notifiedUserIds: [DEMO_USERS.viewer.id] });
    expect(activity[2].before).toEqual({ assigneeId: DEMO_USERS.owner.id, assigneeName: 'Olivia Owner' });
    await ok(app.tokens.analyst, Q.unassign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.viewer.id } });
  });

  it('viewers and read-only keys are FORBIDDEN to assign or unassign; a read-write key may, and is recorded as no one', async () => {
    for (const token of [app.tokens.viewer, app.tokens.readKey]) {
      await refused(assign(token, C.usCbpCrackdown, DEMO_USERS.analyst.id), 'FORBIDDEN');
      await refused(as(token, Q.unassign, { input: { commitmentId: C.usCbpCrackdown, userId: DEMO_USERS.analyst.id } }), 'FORBIDDEN');
    }
    expect((await assign(writeKey, C.usCbpCrackdown, DEMO_USERS.analyst.id)).errors).toBeUndefined();
    const [row] = await app.sql('SELECT assigned_by FROM commitment_assignees WHERE commitment_id = $1', [C.usCbpCrackdown]);
    expect(row.assigned_by).toBeNull();
    await ok(writeKey, Q.unassign, { input: { commitmentId: C.usCbpCrackdown, userId: DEMO_USERS.analyst.id } });
  });

  it('refuses a non-member (BAD_USER_INPUT naming userId, to assign or unassign), an unknown commitment (NOT_FOUND) and an archived one, writing nothing', async () => {
    const outsider = await signUpAndConfirm(app, { email: `outsider-${randomUUID()}@example.org`, password: 'outsider-password-1', name: 'Otto Outsider', workspaceName: 'Elsewhere' });
    for (const userId of [outsider.user.id, randomUUID()]) await refused(assign(app.tokens.analyst, C.jointStatement, userId), 'BAD_USER_INPUT', 'userId');
    await refused(assign(app.tokens.analyst, C.jointStatement, 'not-an-id'), 'BAD_USER_INPUT', 'userId');
    await refused(as(app.tokens.analyst, Q.unassign, { input: { commitmentId: C.jointStatement, userId: outsider.user.id } }), 'BAD_USER_INPUT', 'userId');
    await refused(assign(app.tokens.analyst, randomUUID(), DEMO_USERS.viewer.id), 'NOT_FOUND', 'commitmentId');

    const { version } = (await ok(app.tokens.analyst, Q.version, { id: C.jointStatement })).commitment;
    await ok(app.tokens.analyst, Q.archive, { input: { id: C.jointStatement, expectedVersion: version } });
    await refused(assign(app.tokens.analyst, C.jointStatement, DEMO_USERS.viewer.id), 'BAD_USER_INPUT', 'commitmentId');
    await ok(app.tokens.analyst, Q.restore, { input: { id: C.jointStatement, expectedVersion: version + 1 } });
  });

  it('takes at most 20 assignees a commitment (the 21st is BAD_USER_INPUT naming commitmentId, written nowhere); removing members removes their assignments', async () => {
    await app.sql('DELETE FROM commitment_assignees WHERE commitment_id = $1', [C.mxHumaneBorder]);
    const extra = Array.from({ length: 18 }, (_, i) => ({ id: randomUUID(), name: `Member ${String(i).padStart(2, '0')}` }));
    for (const m of extra) {
      await app.sql(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, 'not-a-hash')`, [m.id, `${m.id}@example.test`, m.name]);
      await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [SEED_IDS.workspace, m.id]);
    }
    const twenty = [DEMO_USERS.analyst.id, DEMO_USERS.viewer.id, ...extra.map((m) => m.id)];
    for (const userId of twenty) expect((await assign(app.tokens.analyst, C.mxHumaneBorder, userId)).errors).toBeUndefined();
    expect(await assignees(C.mxHumaneBorder)).toHaveLength(20);
    await refused(assign(app.tokens.analyst, C.mxHumaneBorder, DEMO_USERS.owner.id), 'BAD_USER_INPUT', 'commitmentId');
    // Assigning one already there still answers, unchanged.
    expect((await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.mxHumaneBorder, userId: DEMO_USERS.viewer.id } })).assignCommitment.changed).toBe(false);
    // Removing a member takes their assignments with them.
    await app.sql('DELETE FROM memberships WHERE user_id = ANY($1::uuid[])', [extra.map((m) => m.id)]);
    expect(await assignees(C.mxHumaneBorder)).toEqual(['Ana Analyst', 'Victor Viewer']);
    await app.sql('DELETE FROM commitment_assignees WHERE commitment_id = $1', [C.mxHumaneBorder]);
  });

  it('notifies the assignee in the app and live (not someone assigning themselves), and has them watch the commitment', async () => {
    const viewerLive = subscribe<any>(app.url, { token: app.tokens.viewer }, NOTIFICATION_ADDED);
    const ownerLive = subscribe<any>(app.url, { token: app.tokens.owner }, NOTIFICATION_ADDED);
    open.push(viewerLive, ownerLive);
    await Promise.all([viewerLive.ready(), ownerLive.ready()]);
    await app.sql('DELETE FROM watches WHERE user_id = $1', [DEMO_USERS.viewer.id]);
    await ok(app.tokens.viewer, 'mutation { markNotificationsRead(input: { all: true }) { unreadCount } }');

    await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.usRepatriationFlights, userId: DEMO_USERS.viewer.id } });
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.usRepatriationFlights, userId: DEMO_USERS.owner.id } });

    const [live] = await viewerLive.until((v) => v.length >= 1);
    expect(live.notificationAdded).toEqual({ kind: 'ASSIGNED', actorLabel: 'Ana Analyst', subjectTitle: expect.any(String), comment: null, commitment: { id: C.usRepatriationFlights } });
    const notes = (await ok(app.tokens.viewer, Q.notifications)).notifications;
    expect(notes.unreadCount).toBe(1);
    expect(notes.edges[0].node).toMatchObject({ kind: 'ASSIGNED', actorLabel: 'Ana Analyst', read: false, comment: null, commitment: { id: C.usRepatriationFlights } });
    expect(notes.edges[0].node.subjectTitle).toBe(notes.edges[0].node.commitment.title);
    // The owner assigned themselves: no notification for them.
    const ownerNotes = (await ok(app.tokens.owner, Q.notifications)).notifications.edges;
    expect(ownerNotes.filter((e: any) => e.node.commitment?.id === C.usRepatriationFlights)).toEqual([]);
    // Live, the owner's first notification is the next assignment by someone else, not their own.
    await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.jointStatement, userId: DEMO_USERS.owner.id } });
    const [ownerFirst] = await ownerLive.until((v) => v.length >= 1);
    expect(ownerFirst.notificationAdded.commitment).toEqual({ id: C.jointStatement });
    await ok(app.tokens.analyst, Q.unassign, { input: { commitmentId: C.jointStatement, userId: DEMO_USERS.owner.id } });

    expect((await ok(app.tokens.viewer, Q.watches)).me.watches).toEqual([{ subjectType: 'COMMITMENT', subjectId: C.usRepatriationFlights }]);
  });

  it("puts the assignment and the commitment's changes in the assignee's digest; another follower gets the changes, not the assignment", async () => {
    await app.sql('DELETE FROM watches WHERE user_id = $1', [DEMO_USERS.viewer.id]);
    await app.sql('DELETE FROM digest_subscriptions WHERE user_id = $1', [DEMO_USERS.viewer.id]);
    await ok(app.tokens.analyst, 'mutation($id: ID!) { watch(input: { subjectType: COMMITMENT, subjectId: $id }) { watch { id } } }', { id: C.mxSmuggling });
    await ok(app.tokens.analyst, Q.assign, { input: { commitmentId: C.mxSmuggling, userId: DEMO_USERS.viewer.id } });
    // The same change on the assigned commitment and on one the viewer has nothing to do with.
    for (const id of [C.mxSmuggling, C.mxHumaneBorder]) {
      const { version, status } = (await ok(app.tokens.analyst, Q.version, { id })).commitment;
      const move = status === 'STALLED' ? { status: 'IN_PROGRESS' } : { status: 'STALLED', reasonCode: 'NO_FUNDING' };
      await ok(app.tokens.analyst, Q.changeStatus, { input: { commitmentId: id, expectedVersion: version, note: 'Budget frozen', ...move } });
    }
    const preview = (await ok(app.tokens.viewer, Q.preview)).digestPreview;
    const [assigned, other] = await app.sql('SELECT title FROM commitments WHERE id = ANY($1::uuid[]) ORDER BY id', [[C.mxSmuggling, C.mxHumaneBorder]]);
    expect(preview.itemCount).toBe(2);
    expect(preview.text).toContain(assigned.title);
    expect(preview.text).toContain('Ana Analyst assigned this to you');
    expect(preview.text).toContain('Budget frozen');
    expect(preview.text).not.toContain(other.title);
    const follower = (await ok(app.tokens.analyst, Q.preview)).digestPreview.text;
    expect(follower).toContain(assigned.title);
    expect(follower).not.toContain('Ana Analyst assigned this to you');
  });

  it('the list filters by assignee and by "me" (My work); a key asking for "me" is refused, naming assignedToMe', async () => {
    await app.sql('DELETE FROM commitment_assignees');
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.usCbpCrackdown, userId: DEMO_USERS.analyst.id } });
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.jointStatement, userId: DEMO_USERS.analyst.id } });
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.jointStatement, userId: DEMO_USERS.viewer.id } });

    const sorted = (ids: string[]) => [...ids].sort();
    expect(sorted(await listed(app.tokens.viewer, { assigneeId: DEMO_USERS.analyst.id }))).toEqual(sorted([C.usCbpCrackdown, C.jointStatement]));
    expect(sorted(await listed(app.tokens.analyst, { assignedToMe: true }))).toEqual(sorted([C.usCbpCrackdown, C.jointStatement]));
    expect(await listed(app.tokens.viewer, { assignedToMe: true })).toEqual([C.jointStatement]);
    expect(await listed(app.tokens.owner, { assignedToMe: true })).toEqual([]);
    expect(await listed(app.tokens.viewer, { assignedToMe: true, assigneeId: DEMO_USERS.analyst.id })).toEqual([C.jointStatement]);
    expect(await listed(app.tokens.readKey, { assigneeId: DEMO_USERS.viewer.id })).toEqual([C.jointStatement]);
    expectError(await as(app.tokens.readKey, Q.list, { filter: { assignedToMe: true } }), 'BAD_USER_INPUT', 'assignedToMe');
  });

  it("keeps workspaces apart: another workspace's members cannot be assigned, its commitments cannot be reached, its filter finds nothing of ours", async () => {
    await ok(app.tokens.owner, Q.assign, { input: { commitmentId: C.mxSmuggling, userId: DEMO_USERS.analyst.id } });
    const b = await signUpAndConfirm(app, { email: `b-owner-${randomUUID()}@example.org`, password: 'b-owner-password-1', name: 'Bea Beyond', workspaceName: 'Nordic fisheries' });
    await ok(b.token, 'mutation { addCountryParty(input: { code: "NO" }) { party { id } } }');
    await ok(b.token, 'mutation { addCountryParty(input: { code: "SE" }) { party { id } } }');
    const agreement = (await ok(b.token, 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } } }', {
      input: { title: 'Nordic fisheries accord', kind: 'TREATY', partyCodes: ['NO', 'SE'] },
    })).createAgreement.agreement;
    const mine = (await ok(b.token, 'mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } } }', {
      input: { agreementId: agreement.id, title: 'Norway to halve the cod quota', partyCodes: ['NO'] },
    })).createCommitment.commitment;

    // B assigns A's analyst to B's commitment: not a member of B. B reaches for A's commitment: not found.
    await refused(assign(b.token, mine.id, DEMO_USERS.analyst.id), 'BAD_USER_INPUT', 'userId');
    await refused(assign(b.token, C.mxSmuggling, b.user.id), 'NOT_FOUND', 'commitmentId');
    await refused(as(b.token, Q.unassign, { input: { commitmentId: C.mxSmuggling, userId: DEMO_USERS.analyst.id } }), 'NOT_FOUND', 'commitmentId');
    expect(await assignees(C.mxSmuggling)).toContain('Ana Analyst');

    // B's lists by A's analyst find nothing; B's own assignment is B's alone.
    expect(await listed(b.token, { assigneeId: DEMO_USERS.analyst.id })).toEqual([]);
    await ok(b.token, Q.assign, { input: { commitmentId: mine.id, userId: b.user.id } });
    expect(await listed(b.token, { assignedToMe: true })).toEqual([mine.id]);
    expect(await listed(app.tokens.analyst, { assigneeId: b.user.id })).toEqual([]);
    expectError(await as(app.tokens.analyst, Q.assignees, { id: mine.id }), 'NOT_FOUND', 'id');
  });
});
