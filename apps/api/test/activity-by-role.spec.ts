import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { lastActivityId } from './support/expectations';
import { Recording, subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

/*
 * The activity feed shows each caller only what its queries could show it: invitations (address,
 * role) are for those who may list invitations, API keys (name, scope) for those who may list
 * keys. Over HTTP (`activity`, with a `totalCount` that agrees) and live (`activityAdded`, also
 * when catching up with `since`), for a viewer, an analyst, a READ key and an admin.
 */

const WORKSPACE = SEED_IDS.workspace;
const ADMIN_VERBS = ['member.invited', 'member.invitation_revoked', 'api_key.created', 'api_key.revoked'];
const FEED = `query($first: Int!, $after: String, $subjectId: ID) {
  activity(first: $first, after: $after, subjectId: $subjectId) { totalCount edges { node { id verb subjectId } } pageInfo { hasNextPage endCursor } } }`;
const LIVE = 'subscription($since: ID) { activityAdded(since: $since) { id verb subjectId after } }';
const Q = {
  invite: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
  revokeInvitation: 'mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id } } }',
  createKey: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
  revokeKey: 'mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }',
};

type Node = { id: string; verb: string; subjectId: string };
type Event = { activityAdded: Node & { after: Record<string, unknown> | null } };

describe('activity by role', () => {
  let app: TestApp;
  const callers = {} as Record<'viewer' | 'analyst' | 'readKey' | 'admin', string>;
  const open: Recording<any>[] = [];
  /** Subjects of the admin-only rows written by `adminWork`. */
  let written: { invitationId: string; keyId: string; since: string; marker: string };

  const ok = async <T = any>(token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.request<T>({ query, variables, token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  /** An invitation made and revoked, a key created and revoked, then a status change (visible to all) as a marker. */
  const adminWork = async () => {
    const since = await lastActivityId(app);
    const { inviteMember } = await ok(callers.admin, Q.invite, { input: { email: `invited-${randomBytes(3).toString('hex')}@example.org`, role: 'ANALYST' } });
    await ok(callers.admin, Q.revokeInvitation, { input: { invitationId: inviteMember.invitation.id } });
    const { createApiKey } = await ok(callers.admin, Q.createKey, { input: { name: `Feed key ${randomBytes(3).toString('hex')}`, scope: 'READ_WRITE' } });
    await ok(callers.admin, Q.revokeKey, { input: { apiKeyId: createApiKey.apiKey.id } });
    const commitmentId = SEED_IDS.commitments.mxSmuggling;
    const { commitment } = await ok(app.tokens.analyst, Q.version, { id: commitmentId });
    await ok(app.tokens.analyst, Q.changeStatus, {
      input: { commitmentId, expectedVersion: commitment.version, status: commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS' },
    });
    return { invitationId: inviteMember.invitation.id as string, keyId: createApiKey.apiKey.id as string, since, marker: await lastActivityId(app) };
  };
  /** Every row of the feed for this caller, page by page, and the totalCount each page gave. */
  const wholeFeed = async (token: string, subjectId?: string) => {
    const nodes: Node[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (;;) {
      const { activity }: { activity: any } = await ok(token, FEED, { first: 7, after, subjectId });
      totals.add(activity.totalCount);
      nodes.push(...activity.edges.map((e: { node: Node }) => e.node));
      if (!activity.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
      after = activity.pageInfo.endCursor;
    }
  };
  const live = (token: string, since: string) => {
    const recording = subscribe<Event>(app.url, { token }, LIVE, { since });
    open.push(recording);
    return recording;
  };

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    const id = randomUUID();
    const email = `feed-admin-${randomBytes(4).toString('hex')}@example.test`;
    await app.sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [id, email, 'Feed Admin', await hash(DEMO_PASSWORD)]);
    await app.sql('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [WORKSPACE, id, 'ADMIN']);
    Object.assign(callers, { viewer: app.tokens.viewer, analyst: app.tokens.analyst, readKey: app.tokens.readKey, admin: await app.signIn(email) });
    written = await adminWork();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
  });
  afterAll(() => app?.close());

  describe('over HTTP (`activity`)', () => {
    it('a viewer, an analyst and a READ key see no invitation or key rows, and totalCount counts what they see', async () => {
      const [{ all }] = await app.sql<{ all: number }>('SELECT count(*)::int AS all FROM activity WHERE workspace_id = $1', [WORKSPACE]);
      const [{ adminOnly }] = await app.sql<{ adminOnly: number }>('SELECT count(*)::int AS "adminOnly" FROM activity WHERE workspace_id = $1 AND verb = ANY($2)', [WORKSPACE, ADMIN_VERBS]);
      expect(adminOnly).toBeGreaterThanOrEqual(4);
      for (const [name, token] of [['viewer', callers.viewer], ['analyst', callers.analyst], ['readKey', callers.readKey]]) {
        const { nodes, totals } = await wholeFeed(token);
        expect({ name, hidden: nodes.filter((n) => ADMIN_VERBS.includes(n.verb)) }).toEqual({ name, hidden: [] });
        expect({ name, count: nodes.length, totals }).toEqual({ name, count: all - adminOnly, totals: [all - adminOnly] });
        expect(nodes.map((n) => n.id)).toContain(written.marker);
      }
    });

    it('an admin sees them all, totalCount included', async () => {
      const [{ all }] = await app.sql<{ all: number }>('SELECT count(*)::int AS all FROM activity WHERE workspace_id = $1', [WORKSPACE]);
      const { nodes, totals } = await wholeFeed(callers.admin);
      expect({ count: nodes.length, totals }).toEqual({ count: all, totals: [all] });
      const mine = nodes.filter((n) => BigInt(n.id) > BigInt(written.since)).map((n) => n.verb);
      expect(mine).toEqual(['commitment.status_changed', 'api_key.revoked', 'api_key.created', 'member.invitation_revoked', 'member.invited']);
    });

    it("asked for an invitation's or a key's own rows, a viewer gets none (totalCount 0) and an admin gets them", async () => {
      for (const [subjectId, verbs] of [[written.invitationId, ['member.invitation_revoked', 'member.invited']], [written.keyId, ['api_key.revoked', 'api_key.created']]] as const) {
        const { activity } = await ok(callers.viewer, FEED, { first: 10, subjectId });
        expect(activity).toMatchObject({ totalCount: 0, edges: [] });
        const forAdmin = await ok(callers.admin, FEED, { first: 10, subjectId });
        expect(forAdmin.activity.totalCount).toBe(2);
        expect(forAdmin.activity.edges.map((e: { node: Node }) => e.node.verb)).toEqual(verbs);
      }
    });
  });

  describe('live (`activityAdded`)', () => {
    it('as they happen: a viewer and a READ key get only the status change; an admin gets the invitation and key rows too', async () => {
      const since = await lastActivityId(app);
      const subs = { viewer: live(callers.viewer, since), readKey: live(callers.readKey, since), admin: live(callers.admin, since) };
      await Promise.all(Object.values(subs).map((s) => s.ready()));
      const work = await adminWork();
      for (const sub of Object.values(subs)) await sub.until((v) => v.some((e) => e.activityAdded.id === work.marker), 10_000, 'the status change');

      for (const name of ['viewer', 'readKey'] as const) {
        expect({ name, got: subs[name].values.map((v) => v.activityAdded.verb) }).toEqual({ name, got: ['commitment.status_changed'] });
      }
      expect(subs.admin.values.map((v) => v.activityAdded.verb)).toEqual(['member.invited', 'member.invitation_revoked', 'api_key.created', 'api_key.revoked', 'commitment.status_changed']);
      expect(subs.admin.values[0].activityAdded.after).toMatchObject({ role: 'ANALYST' });
    });

    it('catching up with `since`: the same rows are left out of what a viewer missed', async () => {
      const viewer = live(callers.viewer, written.since);
      const admin = live(callers.admin, written.since);
      for (const sub of [viewer, admin]) await sub.until((v) => v.some((e) => e.activityAdded.id === written.marker), 10_000, 'the status change');
      const upToMarker = (sub: Recording<Event>) => sub.values.filter((v) => BigInt(v.activityAdded.id) <= BigInt(written.marker)).map((v) => v.activityAdded.verb);
      expect(upToMarker(viewer)).toEqual(['commitment.status_changed']);
      expect(upToMarker(admin)).toEqual(['member.invited', 'member.invitation_revoked', 'api_key.created', 'api_key.revoked', 'commitment.status_changed']);
    });
  });
});
