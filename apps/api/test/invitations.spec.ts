import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { signUpAndConfirm } from './support/accounts';
import { activitySince, expectError, lastActivityId } from './support/expectations';
import { linkIn, readMail } from './support/mail';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const WORKSPACE = SEED_IDS.workspace;
const PASSWORD = 'correct-horse-battery';

const INVITATION_FIELDS = 'id email role createdAt expiresAt acceptedAt revokedAt';
const MEMBERSHIP_FIELDS = 'role user { id email name } workspace { id }';
const Q = {
  me: 'query { me { role permissions user { id email } workspace { id } memberships { role workspace { id } } } }',
  members: `query { members { ${MEMBERSHIP_FIELDS} } }`,
  invitations: `query { invitations { ${INVITATION_FIELDS} } }`,
  invite: `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { ${INVITATION_FIELDS} } } }`,
  revoke: `mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { ${INVITATION_FIELDS} } } }`,
  accept: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token membership { ${MEMBERSHIP_FIELDS} } } }`,
  changeRole: `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { ${MEMBERSHIP_FIELDS} } } }`,
  remove: 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) { removedUserId } }',
};

describe('invitations and members: who joins a workspace, with which role, and who may decide', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** What inviting and accepting can write, to prove a refusal wrote nothing. */
  const counts = async () => {
    const [row] = await app.sql(`SELECT
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM memberships) AS memberships,
      (SELECT count(*)::int FROM sessions) AS sessions,
      (SELECT count(*)::int FROM invitations) AS invitations,
      (SELECT count(*)::int FROM invitations WHERE accepted_at IS NOT NULL) AS accepted,
      (SELECT count(*)::int FROM invitations WHERE revoked_at IS NOT NULL) AS revoked,
      (SELECT COALESCE(max(id), 0)::text FROM activity) AS last_activity`);
    return { ...row, outbox: app.outbox().length };
  };

  /** Runs a request that must be refused with this code and checks it wrote nothing at all. */
  const refused = async (request: () => Promise<GqlResponse>, code: string, field?: string) => {
    const before = await counts();
    const roles = await app.sql('SELECT workspace_id, user_id, role FROM memberships ORDER BY workspace_id, user_id');
    const error = expectError(await request(), code, field);
    expect(await counts()).toEqual(before);
    expect(await app.sql('SELECT workspace_id, user_id, role FROM memberships ORDER BY workspace_id, user_id')).toEqual(roles);
    return error;
  };

  const call = (query: string, input: Record<string, unknown>, token: string | null = null) => app.request({ query, variables: { input }, token });

  /** Invites and returns the invitation and the token of the one link mailed for it. */
  const invite = async (token: string, email: string, role: string) => {
    const before = app.outbox().length;
    const res = await call(Q.invite, { email, role }, token);
    expect(res.errors).toBeUndefined();
    const mails = app.outbox().slice(before).map(readMail);
    expect(mails).toHaveLength(1);
    return { invitation: res.data!.inviteMember.invitation, mail: mails[0], token: linkIn(mails[0], '/invitations/accept').token };
  };

  const roleIn = async (userId: string, workspaceId: string = WORKSPACE) =>
    (await app.sql('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]))[0]?.role ?? null;

  describe('inviting someone new and accepting', () => {
    let first: Awaited<ReturnType<typeof invite>>;

    it('the owner invites an email as ANALYST: one mail goes out with an accept link carrying a token', async () => {
      const lastActivity = await lastActivityId(app);
      first = await invite(app.tokens.owner, ' Ines.Invited@Example.org ', 'ANALYST');
      expect(first.invitation).toMatchObject({ email: 'ines.invited@example.org', role: 'ANALYST', acceptedAt: null, revokedAt: null });
      const days = (new Date(first.invitation.expiresAt).getTime() - Date.now()) / 86400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      expect(first.mail.to).toContain('ines.invited@example.org');
      expect(first.mail.text).toContain('ANALYST');
      expect(first.token.length).toBeGreaterThan(20);

      const rows = await activitySince(app, lastActivity);
      expect(rows.map((r) => r.verb)).toEqual(['member.invited']);
      expect(rows[0]).toMatchObject({ subject_id: first.invitation.id, after: { email: 'ines.invited@example.org', role: 'ANALYST' } });
      // The token itself is not kept: a copy of the database does not let anyone in.
      const stored = await app.sql('SELECT encode(token_hash, $2) AS hash FROM invitations WHERE id = $1', [first.invitation.id, 'escape']);
      expect(stored[0].hash).not.toContain(first.token);
      const listed = await app.request({ query: Q.invitations, token: app.tokens.owner });
      expect(listed.data!.invitations[0]).toEqual(first.invitation);
      expect(JSON.stringify(listed)).not.toContain(first.token);
    });

    it('accepting anonymously without a name and password is bad input, and the invitation stays open', async () => {
      await refused(() => call(Q.accept, { token: first.token }), 'BAD_USER_INPUT', 'name');
      await refused(() => call(Q.accept, { token: first.token, name: 'Ines Invited', password: 'short' }), 'BAD_USER_INPUT', 'password');
    });

    it('accepting anonymously with a name and password creates the account and the membership, signs in and writes activity', async () => {
      const lastActivity = await lastActivityId(app);
      const res = await call(Q.accept, { token: first.token, name: 'Ines Invited', password: PASSWORD });
      expect(res.errors).toBeUndefined();
      const { membership, token } = res.data!.acceptInvitation;
      expect(membership).toMatchObject({ role: 'ANALYST', user: { email: 'ines.invited@example.org', name: 'Ines Invited' }, workspace: { id: WORKSPACE } });
      expect(token).toEqual(expect.any(String));
      expect(res.headers.getSetCookie().some((c) => c.startsWith(`pw_session=${token};`))).toBe(true);
      const userId = membership.user.id;

      const me = await app.request({ query: Q.me, token });
      expect(me.errors).toBeUndefined();
      expect(me.data!.me).toMatchObject({ user: { id: userId }, workspace: { id: WORKSPACE }, role: 'ANALYST', permissions: ['READ', 'WRITE'] });
      expect(await roleIn(userId)).toBe('ANALYST');
      const [invitation] = await app.sql('SELECT accepted_at, accepted_by FROM invitations WHERE id = $1', [first.invitation.id]);
      expect(invitation).toEqual({ accepted_at: expect.any(Date), accepted_by: userId });

      const rows = await activitySince(app, lastActivity);
      expect(rows.map((r) => r.verb)).toEqual(['member.joined']);
      expect(rows[0]).toMatchObject({ subject_type: 'User', subject_id: userId, after: { role: 'ANALYST', invitationId: first.invitation.id } });
      const [actor] = await app.sql('SELECT actor_type, actor_id, workspace_id FROM activity WHERE id = $1::bigint', [rows[0].id]);
      expect(actor).toEqual({ actor_type: 'USER', actor_id: userId, workspace_id: WORKSPACE });

      // The password given signs in.
      expect(await app.signIn('ines.invited@example.org', PASSWORD)).toEqual(expect.any(String));
    });

    it('the same token again is refused as already used, and nothing changes', async () => {
      const error = await refused(() => call(Q.accept, { token: first.token, name: 'Someone Else', password: 'another-password' }), 'BAD_USER_INPUT', 'token');
      expect(error.message).toMatch(/already/i);
    });

    it('members lists everyone of the workspace with their role, for any member', async () => {
      const res = await app.request({ query: Q.members, token: app.tokens.viewer });
      expect(res.errors).toBeUndefined();
      const listed = res.data!.members.map((m: any) => ({ id: m.user.id, role: m.role, workspace: m.workspace.id }));
      const stored = await app.sql('SELECT user_id AS id, role FROM memberships WHERE workspace_id = $1', [WORKSPACE]);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(listed.map(({ id, role }: any) => ({ id, role })).sort(byId)).toEqual([...stored].sort(byId));
      expect(listed.every((m: any) => m.workspace === WORKSPACE)).toBe(true);
      for (const user of Object.values(DEMO_USERS)) {
        expect(res.data!.members).toContainEqual(expect.objectContaining({ role: user.role, user: { id: user.id, email: user.email, name: user.name } }));
      }
      expect(res.data!.members).toContainEqual(expect.objectContaining({ role: 'ANALYST', user: expect.objectContaining({ email: 'ines.invited@example.org' }) }));
    });
  });

  describe('invitations that no longer work', () => {
    it('an expired invitation is refused, and no account is made', async () => {
      const late = await invite(app.tokens.owner, 'late@example.org', 'VIEWER');
      await app.sql("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [late.invitation.id]);
      const error = await refused(() => call(Q.accept, { token: late.token, name: 'Lena Late', password: PASSWORD }), 'BAD_USER_INPUT', 'token');
      expect(error.message).toMatch(/expired/i);
      expect(await app.sql("SELECT id FROM users WHERE email = 'late@example.org'")).toEqual([]);
    });

    it('a revoked invitation is refused, and no account is made', async () => {
      const withdrawn = await invite(app.tokens.owner, 'withdrawn@example.org', 'VIEWER');
      const revoked = await call(Q.revoke, { invitationId: withdrawn.invitation.id }, app.tokens.owner);
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeInvitation.invitation).toMatchObject({ id: withdrawn.invitation.id, revokedAt: expect.any(String), acceptedAt: null });

      const error = await refused(() => call(Q.accept, { token: withdrawn.token, name: 'Will Withdrawn', password: PASSWORD }), 'BAD_USER_INPUT', 'token');
      expect(error.message).toMatch(/withdrawn|revoked/i);
      expect(await app.sql("SELECT id FROM users WHERE email = 'withdrawn@example.org'")).toEqual([]);
    });

    it('a second invitation to the same address replaces the first, whose link stops working', async () => {
      const old = await invite(app.tokens.owner, 'twice@example.org', 'VIEWER');
      const replacement = await invite(app.tokens.owner, 'twice@example.org', 'ANALYST');
      await refused(() => call(Q.accept, { token: old.token, name: 'Tia Twice', password: PASSWORD }), 'BAD_USER_INPUT', 'token');
      const res = await call(Q.accept, { token: replacement.token, name: 'Tia Twice', password: PASSWORD });
      expect(res.data!.acceptInvitation.membership.role).toBe('ANALYST');
    });

    it('two invitations to one address at once leave one open invitation, whose link works; the other link does not', async () => {
      const before = app.outbox().length;
      const answers = await Promise.all(['VIEWER', 'ANALYST'].map((role) => call(Q.invite, { email: 'Both@Example.org', role }, app.tokens.owner)));
      expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
      const open = await app.sql(
        "SELECT id, role FROM invitations WHERE workspace_id = $1 AND email = 'both@example.org' AND accepted_at IS NULL AND revoked_at IS NULL",
        [WORKSPACE],
      );
      expect(open).toHaveLength(1);
      const tokens = app.outbox().slice(before).map(readMail).map((mail) => linkIn(mail, '/invitations/accept').token);
      expect(tokens).toHaveLength(2);
      const results: { token: string; res: GqlResponse }[] = [];
      for (const token of tokens) results.push({ token, res: await call(Q.accept, { token, name: 'Bo Both', password: PASSWORD }) });
      const accepted = results.filter((r) => !r.res.errors);
      expect(accepted).toHaveLength(1);
      expect(accepted[0].res.data!.acceptInvitation.membership.role).toBe(open[0].role);
      const other = results.find((r) => r.res.errors)!;
      expect(expectError(other.res, 'BAD_USER_INPUT', 'token').message).toMatch(/withdrawn/);
      expect(await app.sql("SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'both@example.org'")).toEqual([{ n: 1 }]);
    });

    it('a token that was never issued is refused', async () => {
      await refused(() => call(Q.accept, { token: 'made-up-token-made-up-token-made-up-token-0', name: 'Nobody', password: PASSWORD }), 'BAD_USER_INPUT', 'token');
    });
  });

  describe('an invitation for an email that already has an account', () => {
    let dana: { token: string; user: { id: string; email: string }; workspace: { id: string } };
    let invitation: Awaited<ReturnType<typeof invite>>;
    beforeAll(async () => {
      dana = await signUpAndConfirm(app, { email: 'dana@example.org', name: 'Dana Existing', password: PASSWORD, workspaceName: "Dana's desk" });
      invitation = await invite(app.tokens.owner, 'Dana@Example.org', 'VIEWER');
    });

    it('accepted anonymously is refused with UNAUTHENTICATED asking to sign in, and nothing changes', async () => {
      const error = await refused(() => call(Q.accept, { token: invitation.token, name: 'Dana Impostor', password: 'another-password' }), 'UNAUTHENTICATED');
      expect(error.message).toMatch(/sign in/i);
      expect(error.message).toContain('dana@example.org');
      const [user] = await app.sql('SELECT name FROM users WHERE id = $1', [dana.user.id]);
      expect(user.name).toBe('Dana Existing');
    });

    it('accepted while signed in as someone else is FORBIDDEN, and nothing changes', async () => {
      const error = await refused(() => call(Q.accept, { token: invitation.token }, app.tokens.viewer), 'FORBIDDEN', 'token');
      expect(error.message).toContain('dana@example.org');
      expect(await roleIn(DEMO_USERS.viewer.id)).toBe('VIEWER');
    });

    it('accepted while signed in as that person adds the membership, without a new token', async () => {
      const lastActivity = await lastActivityId(app);
      const res = await call(Q.accept, { token: invitation.token }, dana.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.acceptInvitation).toEqual({
        token: null,
        membership: { role: 'VIEWER', user: { id: dana.user.id, email: 'dana@example.org', name: 'Dana Existing' }, workspace: { id: WORKSPACE } },
      });
      expect(await roleIn(dana.user.id)).toBe('VIEWER');
      expect(await roleIn(dana.user.id, dana.workspace.id)).toBe('OWNER');
      expect((await activitySince(app, lastActivity)).map((r) => r.verb)).toEqual(['member.joined']);

      const there = await app.request({ query: Q.me, token: dana.token, headers: { 'x-workspace-id': WORKSPACE } });
      expect(there.data!.me).toMatchObject({ workspace: { id: WORKSPACE }, role: 'VIEWER', permissions: ['READ'] });
      expect(there.data!.me.memberships.map((m: any) => m.workspace.id).sort()).toEqual([WORKSPACE, dana.workspace.id].sort());
    });
  });

  describe('who may invite, and whom', () => {
    let admin: { id: string; token: string };
    beforeAll(async () => {
      const { token } = await invite(app.tokens.owner, 'adam.admin@example.org', 'ADMIN');
      const res = await call(Q.accept, { token, name: 'Adam Admin', password: PASSWORD });
      admin = { id: res.data!.acceptInvitation.membership.user.id, token: res.data!.acceptInvitation.token };
    });

    it('a VIEWER or an ANALYST calling inviteMember is FORBIDDEN, and nothing is written or mailed', async () => {
      for (const token of [app.tokens.viewer, app.tokens.analyst]) {
        await refused(() => call(Q.invite, { email: 'friend@example.org', role: 'VIEWER' }, token), 'FORBIDDEN');
      }
      await refused(() => call(Q.invite, { email: 'friend@example.org', role: 'VIEWER' }, app.tokens.readKey), 'FORBIDDEN');
      await refused(() => call(Q.invite, { email: 'friend@example.org', role: 'VIEWER' }), 'UNAUTHENTICATED');
    });

    it('inviting someone who is already a member is a CONFLICT on email, and nothing is written or mailed', async () => {
      await refused(() => call(Q.invite, { email: ' Analyst@Pactwatch.TEST ', role: 'VIEWER' }, app.tokens.owner), 'CONFLICT', 'email');
      await refused(() => call(Q.invite, { email: 'ines.invited@example.org', role: 'ADMIN' }, admin.token), 'CONFLICT', 'email');
    });

    it('a malformed email, or one with a display name, is bad input, and nothing is written or mailed', async () => {
      await refused(() => call(Q.invite, { email: 'not-an-address', role: 'VIEWER' }, app.tokens.owner), 'BAD_USER_INPUT', 'email');
      await refused(() => call(Q.invite, { email: 'evil<victim@evil.example>', role: 'VIEWER' }, app.tokens.owner), 'BAD_USER_INPUT', 'email');
    });

    it('an ADMIN invites as ADMIN or lower, but cannot invite an OWNER', async () => {
      const ok = await invite(admin.token, 'helper@example.org', 'ADMIN');
      expect(ok.invitation.role).toBe('ADMIN');
      await refused(() => call(Q.invite, { email: 'boss@example.org', role: 'OWNER' }, admin.token), 'FORBIDDEN', 'role');
    });

    it('an ADMIN cannot make someone OWNER, nor demote or remove an owner', async () => {
      await refused(() => call(Q.changeRole, { userId: DEMO_USERS.viewer.id, role: 'OWNER' }, admin.token), 'FORBIDDEN', 'role');
      await refused(() => call(Q.changeRole, { userId: admin.id, role: 'OWNER' }, admin.token), 'FORBIDDEN', 'role');
      await refused(() => call(Q.changeRole, { userId: DEMO_USERS.owner.id, role: 'VIEWER' }, admin.token), 'FORBIDDEN');
      await refused(() => call(Q.remove, { userId: DEMO_USERS.owner.id }, admin.token), 'FORBIDDEN');
      expect(await roleIn(DEMO_USERS.owner.id)).toBe('OWNER');
      expect(await roleIn(DEMO_USERS.viewer.id)).toBe('VIEWER');
    });

    it('an ADMIN changes roles below owner', async () => {
      const res = await call(Q.changeRole, { userId: DEMO_USERS.viewer.id, role: 'ANALYST' }, admin.token);
      expect(res.data!.changeMemberRole.membership).toMatchObject({ role: 'ANALYST', user: { id: DEMO_USERS.viewer.id } });
      expect(await roleIn(DEMO_USERS.viewer.id)).toBe('ANALYST');
      const back = await call(Q.changeRole, { userId: DEMO_USERS.viewer.id, role: 'VIEWER' }, admin.token);
      expect(back.errors).toBeUndefined();
      expect(await roleIn(DEMO_USERS.viewer.id)).toBe('VIEWER');
    });

    describe('the last owner', () => {
      it('cannot be removed or demoted (CONFLICT), and nothing changes', async () => {
        await refused(() => call(Q.remove, { userId: DEMO_USERS.owner.id }, app.tokens.owner), 'CONFLICT');
        for (const role of ['ADMIN', 'ANALYST', 'VIEWER']) {
          await refused(() => call(Q.changeRole, { userId: DEMO_USERS.owner.id, role }, app.tokens.owner), 'CONFLICT');
        }
        expect(await roleIn(DEMO_USERS.owner.id)).toBe('OWNER');
      });

      it('can be demoted and removed once there is a second owner', async () => {
        const promoted = await call(Q.changeRole, { userId: admin.id, role: 'OWNER' }, app.tokens.owner);
        expect(promoted.data!.changeMemberRole.membership.role).toBe('OWNER');

        // Two owners: the demo owner may step down, and the new owner may make them owner again.
        const demoted = await call(Q.changeRole, { userId: DEMO_USERS.owner.id, role: 'ADMIN' }, app.tokens.owner);
        expect(demoted.errors).toBeUndefined();
        expect(await roleIn(DEMO_USERS.owner.id)).toBe('ADMIN');
        // Now the new owner is the last one.
        await refused(() => call(Q.changeRole, { userId: admin.id, role: 'ADMIN' }, admin.token), 'CONFLICT');
        const restored = await call(Q.changeRole, { userId: DEMO_USERS.owner.id, role: 'OWNER' }, admin.token);
        expect(restored.errors).toBeUndefined();

        // Two owners again: one may remove the other.
        const removed = await call(Q.remove, { userId: admin.id }, app.tokens.owner);
        expect(removed.data).toEqual({ removeMember: { removedUserId: admin.id } });
        expect(await roleIn(admin.id)).toBeNull();
        expect(await roleIn(DEMO_USERS.owner.id)).toBe('OWNER');
        // The removed member has no access to the workspace any more.
        expectError(await app.request({ query: Q.members, token: admin.token }), 'FORBIDDEN');
        // And the demo owner is the last owner again.
        await refused(() => call(Q.remove, { userId: DEMO_USERS.owner.id }, app.tokens.owner), 'CONFLICT');
      });
    });
  });
});
