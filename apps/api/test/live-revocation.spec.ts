import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/database-runtime';
import { DEMO_PASSWORD } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ApiProcess, ensureBuilt, startInstance, stopApiProcess, createTestDatabase, TestDatabase } from './support/built-api';
import { Recording, subscribe } from './support/live';

/*
 * Access that ends on one instance ends on the others: two API processes (the built bundle) on one
 * PostgreSQL. A member is removed, demoted, a key revoked or a session ended through A; the
 * subscriber's socket on B is closed, signalled through PostgreSQL at commit. The periodic check
 * (LIVE_AUTH_CHECK_SECONDS) is set to its maximum, 5 minutes, so it cannot be what closes them. Each change is
 * followed at once by others, without waiting for the close: none of them may reach the subscriber.
 */

const WORKSPACE = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
const ACTIVITY = `subscription($since: ID) { activityAdded(since: $since) { id verb subjectId } }`;
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
  signOut: 'mutation { signOut { done } }',
  changePassword: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { done } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: 'mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id } } }',
  remove: 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }',
  changeRole: 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { role } } }',
  rename: 'mutation($input: WorkspaceNameInput!) { renameWorkspace(input: $input) { workspace { name } } }',
  invite: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
  createKey: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
  revokeKey: 'mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }',
};

type Event = { activityAdded: { id: string; verb: string; subjectId: string } };

describe('access ended on one instance closes live connections on another', () => {
  let database: TestDatabase | undefined;
  let databaseUrl: string;
  let db: Client;
  let a: ApiProcess;
  let b: ApiProcess;
  const dataDirs: string[] = [];
  const open: Recording<any>[] = [];
  const owner = { token: '' };
  const analyst = { token: '' };

  const sql = async <T = any>(text: string, params?: unknown[]) => (await db.query(text, params)).rows as T[];
  const gql = async <T = any>(api: ApiProcess, token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    return body;
  };
  const ok = async <T = any>(api: ApiProcess, token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql<T>(api, token, query, variables);
    if (res.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  };
  const start = async (name: string) => {
    const api = await startInstance(name, databaseUrl, { LIVE_AUTH_CHECK_SECONDS: '300', RATE_LIMIT_PER_MINUTE: '1000000' });
    dataDirs.push(api.dataDir);
    return api;
  };
  /** A new member of the seeded workspace with this role, signed in through A. */
  const member = async (role: string) => {
    const id = randomUUID();
    const email = `live-${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
    await sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [id, email, `Live ${role}`, await hash(DEMO_PASSWORD)]);
    await sql('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [WORKSPACE, id, role]);
    return { id, email, token: await signIn(email) };
  };
  const signIn = async (email: string) => (await ok<{ signIn: { token: string } }>(a, '', Q.signIn, { input: { email, password: DEMO_PASSWORD } })).signIn.token;
  const lastId = async () => (await sql<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM activity'))[0].id;
  const live = (token: string, since: string) => {
    const recording = subscribe<Event>(b.url, { token }, ACTIVITY, { since });
    open.push(recording);
    return recording;
  };
  /** Resolves with the close event of the subscriber's socket; fails (by the test's timeout) if it never closes. */
  const closed = async (recording: Recording<Event>) => {
    await recording.ended(20_000);
    while (!recording.closed) await new Promise((resolve) => setTimeout(resolve, 20));
    return recording.closed;
  };
  /** Moves a commitment between ANNOUNCED and IN_PROGRESS through A, as the analyst. */
  const toggle = async (commitmentId: string = C.mxSmuggling) => {
    const { commitment } = await ok(a, analyst.token, Q.version, { id: commitmentId });
    const status = commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
    await ok(a, analyst.token, Q.changeStatus, { input: { commitmentId, expectedVersion: commitment.version, status } });
  };
  /** The id of the newest activity row of this verb about this subject. */
  const activityOf = async (verb: string, subjectId: string) =>
    (await sql<{ id: string }>('SELECT max(id)::text AS id FROM activity WHERE verb = $1 AND subject_id = $2', [verb, subjectId]))[0].id;
  /** Proves a subscriber live before its access ends: a change made through A reaches it on B. */
  const liveNow = async (recording: Recording<Event>) => {
    await recording.ready();
    const before = recording.values.length;
    await toggle(C.usCbpCrackdown);
    await recording.until((v) => v.length > before, 10_000, 'a change made before access ended');
  };
  const idsAfter = (recording: Recording<Event>, id: string) => recording.values.filter((v) => BigInt(v.activityAdded.id) > BigInt(id)).map((v) => v.activityAdded);

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('pactwatch_test');
    databaseUrl = database.url;
    await prepareDatabase(databaseUrl, { seed: true, demo: true });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    [a, b] = await Promise.all([start('A'), start('B')]);
    owner.token = await signIn('owner@pactwatch.test');
    analyst.token = await signIn('analyst@pactwatch.test');
  }, 300_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
    await Promise.all([a, b].filter(Boolean).map((api) => stopApiProcess(api)));
    await db?.end().catch(() => undefined);
    await database?.drop();
    dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }, 60_000);

  it('a viewer removed through A: its socket on B closes with 4403 and nothing written after the removal reaches it; subscribing again is refused', async () => {
    const viewer = await member('VIEWER');
    const sub = live(viewer.token, await lastId());
    await liveNow(sub);

    await ok(a, owner.token, Q.remove, { input: { userId: viewer.id } });
    await ok(a, owner.token, Q.rename, { input: { name: `Renamed after a removal ${randomBytes(3).toString('hex')}` } });
    await toggle();

    expect(await closed(sub)).toEqual({ code: 4403, reason: 'Forbidden: your access to this workspace changed' });
    const removal = await activityOf('member.removed', viewer.id);
    expect(await activityOf('workspace.renamed', WORKSPACE)).not.toBeNull();
    expect(idsAfter(sub, removal)).toEqual([]);

    const again = live(viewer.token, removal);
    await again.ended(20_000);
    expect(JSON.stringify(again.errors)).toContain('FORBIDDEN');
    expect(again.values).toEqual([]);
  }, 60_000);

  it('an admin demoted to viewer through A: its socket on B closes with 4205, and on reconnecting it gets what a viewer may see', async () => {
    const adminMember = await member('ADMIN');
    const sub = live(adminMember.token, await lastId());
    await liveNow(sub);
    // Still an admin: invitations reach it.
    await ok(a, owner.token, Q.invite, { input: { email: `before-${randomBytes(3).toString('hex')}@example.org`, role: 'VIEWER' } });
    await sub.until((v) => v.some((e) => e.activityAdded.verb === 'member.invited'), 10_000, 'the invitation made while an admin');

    await ok(a, owner.token, Q.changeRole, { input: { userId: adminMember.id, role: 'VIEWER' } });
    const { inviteMember } = await ok(a, owner.token, Q.invite, { input: { email: `after-${randomBytes(3).toString('hex')}@example.org`, role: 'VIEWER' } });
    await toggle();

    expect(await closed(sub)).toEqual({ code: 4205, reason: 'Reconnect: your role in this workspace changed' });
    const demotion = await activityOf('member.role_changed', adminMember.id);
    expect(idsAfter(sub, demotion)).toEqual([]);

    // Back with what it saw last: the changes since, as a viewer sees them (no invitation).
    const lastSeen = sub.values[sub.values.length - 1].activityAdded.id;
    const again = live(adminMember.token, lastSeen);
    await again.until((v) => v.some((e) => e.activityAdded.verb === 'commitment.status_changed' && BigInt(e.activityAdded.id) > BigInt(demotion)), 10_000, 'the change after the demotion');
    // Role changes and invitations are admin events: a viewer sees neither (its own demotion included).
    expect(again.values.map((v) => v.activityAdded.subjectId)).not.toContain(inviteMember.invitation.id);
    expect(again.values.map((v) => v.activityAdded.verb)).not.toContain('member.invited');
    expect(again.values.map((v) => v.activityAdded.verb)).not.toContain('member.role_changed');
  }, 60_000);

  it('an API key revoked through A: its subscription on B closes with 4401 and nothing written after the revocation reaches it', async () => {
    const { createApiKey } = await ok(a, owner.token, Q.createKey, { input: { name: `Live key ${randomBytes(3).toString('hex')}`, scope: 'READ' } });
    const sub = live(createApiKey.secret, await lastId());
    await liveNow(sub);

    await ok(a, owner.token, Q.revokeKey, { input: { apiKeyId: createApiKey.apiKey.id } });
    await toggle();

    expect(await closed(sub)).toEqual({ code: 4401, reason: 'Unauthorized: the session or key is no longer valid' });
    expect(idsAfter(sub, await activityOf('api_key.revoked', createApiKey.apiKey.id))).toEqual([]);
  }, 60_000);

  it('a session signed out through A: its subscription on B closes with 4401; the same person in another session stays connected', async () => {
    const viewer = await member('VIEWER');
    const otherSession = await signIn(viewer.email);
    const sub = live(viewer.token, await lastId());
    const other = live(otherSession, await lastId());
    await liveNow(sub);
    await other.ready(0);

    await ok(a, viewer.token, Q.signOut);
    const afterSignOut = await lastId();
    await toggle();

    expect(await closed(sub)).toEqual({ code: 4401, reason: 'Unauthorized: the session or key is no longer valid' });
    expect(idsAfter(sub, afterSignOut)).toEqual([]);
    await other.until((v) => v.some((e) => BigInt(e.activityAdded.id) > BigInt(afterSignOut)), 10_000, 'the change after the sign-out, in the other session');
    expect(other.closed).toBeNull();
  }, 60_000);

  it("a password changed through A: the other sessions' subscriptions on B close with 4401, the changing session's stays", async () => {
    const viewer = await member('VIEWER');
    const otherSession = await signIn(viewer.email);
    const since = await lastId();
    const other = live(otherSession, since);
    const own = live(viewer.token, since);
    await liveNow(other);
    await own.ready(0);

    await ok(a, viewer.token, Q.changePassword, { input: { currentPassword: DEMO_PASSWORD, newPassword: `changed-${randomBytes(6).toString('hex')}` } });
    const afterChange = await lastId();
    await toggle();

    expect(await closed(other)).toEqual({ code: 4401, reason: 'Unauthorized: the session or key is no longer valid' });
    expect(idsAfter(other, afterChange)).toEqual([]);
    await own.until((v) => v.some((e) => BigInt(e.activityAdded.id) > BigInt(afterChange)), 10_000, 'the change after the password change, in the session that made it');
    expect(own.closed).toBeNull();
  }, 60_000);
});
