import { decode, sign } from 'jsonwebtoken';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, rowCounts } from './support/expectations';
import { linkIn, readMail } from './support/mail';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const WORKSPACE = SEED_IDS.workspace;
const UNKNOWN_WORKSPACE = '00000000-0000-4000-8000-999999999999';
const PASSWORD = 'correct-horse-battery';
const ALL_PERMISSIONS = ['MANAGE_KEYS', 'MANAGE_MEMBERS', 'MANAGE_WORKSPACE', 'READ', 'WRITE'];

const SESSION_FIELDS = 'token expiresAt user { id email name } workspace { id name }';
const Q = {
  me: `query { me { kind role permissions user { id email name } workspace { id name } apiKey { id }
    memberships { role workspace { id name } user { id } } } }`,
  commitments: 'query { commitments(first: 5) { totalCount } }',
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { ${SESSION_FIELDS} } }`,
  signUp: `mutation($input: SignUpInput!) { signUp(input: $input) { ${SESSION_FIELDS} } }`,
  signOut: 'mutation { signOut { done } }',
  changePassword: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { done } }',
  requestReset: 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { done } }',
  reset: 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { done } }',
  switchWorkspace: `mutation($input: SwitchWorkspaceInput!) { switchWorkspace(input: $input) { ${SESSION_FIELDS} } }`,
  createWorkspace: 'mutation($input: WorkspaceNameInput!) { createWorkspace(input: $input) { workspace { id name } } }',
  changeStatus: `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id status } } }`,
};

interface Claims {
  sub: string;
  sid: string;
  wid: string | null;
  exp: number;
}

/** The pw_session entry of the response's Set-Cookie headers. */
function sessionCookie(res: { headers: Headers }): string | undefined {
  return res.headers.getSetCookie().find((c) => c.startsWith('pw_session='));
}

function claimsOf(token: string): Claims {
  return decode(token) as Claims;
}

describe('accounts: sign-in, sessions, passwords, sign-up and the workspace a request works in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** Row counts of the account tables and of every tracker table, to prove a refusal wrote nothing. */
  const accountCounts = async () => {
    const [row] = await app.sql(`SELECT
      (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM workspaces) AS workspaces,
      (SELECT count(*)::int FROM memberships) AS memberships,
      (SELECT count(*)::int FROM sessions) AS sessions,
      (SELECT count(*)::int FROM sessions WHERE revoked_at IS NULL) AS open_sessions,
      (SELECT count(*)::int FROM password_resets) AS password_resets,
      (SELECT count(*)::int FROM invitations) AS invitations,
      (SELECT count(*)::int FROM api_keys) AS api_keys`);
    return { ...row, ...(await rowCounts(app)), outbox: app.outbox().length };
  };

  const me = (token: string | null, headers?: Record<string, string>) => app.request({ query: Q.me, token, headers });

  const signIn = (email: string, password: string, token?: string) =>
    app.request({ query: Q.signIn, variables: { input: { email, password } }, token });

  /** A new account (with its own workspace), signed in. */
  const signUp = async (email: string, name = 'Test Person', workspaceName = `${name}'s desk`) => {
    const res = await app.request({ query: Q.signUp, variables: { input: { email, name, password: PASSWORD, workspaceName } } });
    expect(res.errors).toBeUndefined();
    return res.data!.signUp as { token: string; user: { id: string; email: string }; workspace: { id: string; name: string } };
  };

  const passwordHash = async (userId: string) => (await app.sql('SELECT password_hash FROM users WHERE id = $1', [userId]))[0].password_hash as string;

  /** The .eml files written from now on, decoded. */
  const newMail = async (fn: () => Promise<unknown>) => {
    const before = app.outbox().length;
    await fn();
    return app.outbox().slice(before).map(readMail);
  };

  describe('signIn and the session it opens', () => {
    it('returns the user and a token, and sets the token as an httpOnly, SameSite=Lax pw_session cookie', async () => {
      const res = await signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
      expect(res.errors).toBeUndefined();
      const session = res.data!.signIn;
      expect(session.user).toEqual({ id: DEMO_USERS.owner.id, email: DEMO_USERS.owner.email, name: DEMO_USERS.owner.name });
      expect(session.workspace).toEqual({ id: WORKSPACE, name: expect.any(String) });
      expect(session.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());

      const cookie = sessionCookie(res);
      expect(cookie).toBeDefined();
      const [pair, ...attributes] = cookie!.split(';').map((part) => part.trim());
      expect(pair).toBe(`pw_session=${session.token}`);
      expect(attributes).toContain('HttpOnly');
      expect(attributes.map((a) => a.toLowerCase())).toContain('samesite=lax');
      expect(attributes).toContain('Path=/');

      const claims = claimsOf(session.token);
      expect(claims).toMatchObject({ sub: DEMO_USERS.owner.id, wid: WORKSPACE });
      const sessions = await app.sql('SELECT user_id, revoked_at FROM sessions WHERE id = $1', [claims.sid]);
      expect(sessions).toEqual([{ user_id: DEMO_USERS.owner.id, revoked_at: null }]);
    });

    it('signs a request in with the cookie alone, without a bearer token', async () => {
      const res = await signIn(DEMO_USERS.analyst.email, DEMO_PASSWORD);
      const cookie = sessionCookie(res)!.split(';')[0];

      const withCookie = await me(null, { cookie });
      expect(withCookie.errors).toBeUndefined();
      expect(withCookie.data!.me).toMatchObject({ kind: 'USER', user: { id: DEMO_USERS.analyst.id }, role: 'ANALYST' });

      expectError(await me(null), 'UNAUTHENTICATED');
      expectError(await me(null, { cookie: 'pw_session=abc' }), 'UNAUTHENTICATED');
    });

    it('signs a request in with the bearer token; me shows the user, workspace, role, permissions and memberships', async () => {
      const owner = await me(app.tokens.owner);
      expect(owner.errors).toBeUndefined();
      const view = owner.data!.me;
      expect(view).toMatchObject({
        kind: 'USER',
        user: { id: DEMO_USERS.owner.id, email: DEMO_USERS.owner.email, name: DEMO_USERS.owner.name },
        workspace: { id: WORKSPACE },
        role: 'OWNER',
        apiKey: null,
      });
      expect([...view.permissions].sort()).toEqual(ALL_PERMISSIONS);
      expect(view.memberships).toEqual([{ role: 'OWNER', workspace: { id: WORKSPACE, name: view.workspace.name }, user: { id: DEMO_USERS.owner.id } }]);

      const viewer = (await me(app.tokens.viewer)).data!.me;
      expect(viewer).toMatchObject({ user: { id: DEMO_USERS.viewer.id }, role: 'VIEWER', permissions: ['READ'] });
      expect(viewer.memberships).toEqual([expect.objectContaining({ role: 'VIEWER', workspace: expect.objectContaining({ id: WORKSPACE }) })]);
    });

    it('answers a wrong password and an unknown email with the same message and code, and opens no session', async () => {
      const before = await app.sql('SELECT count(*)::int AS n FROM sessions');
      const wrongPassword = await signIn(DEMO_USERS.owner.email, 'not-the-password');
      const unknownEmail = await signIn('nobody-here@pactwatch.test', DEMO_PASSWORD);
      const a = expectError(wrongPassword, 'UNAUTHENTICATED');
      const b = expectError(unknownEmail, 'UNAUTHENTICATED');
      expect(a.message).toBe(b.message);
      expect(a.extensions).toEqual(b.extensions);
      expect(a.message).not.toMatch(/unknown|no account|not found|exist/i);
      expect(sessionCookie(wrongPassword)).toBeUndefined();
      expect(sessionCookie(unknownEmail)).toBeUndefined();
      expect(await app.sql('SELECT count(*)::int AS n FROM sessions')).toEqual(before);
    });

    it('refuses a 257-character password as bad input on the password field, without checking or counting it', async () => {
      const failures = await app.sql('SELECT count(*)::int AS n FROM sign_in_failures');
      expectError(await signIn(DEMO_USERS.owner.email, 'x'.repeat(257)), 'BAD_USER_INPUT', 'password');
      expect(await app.sql('SELECT count(*)::int AS n FROM sign_in_failures')).toEqual(failures);
    });

    it('refuses a malformed email as bad input on the email field', async () => {
      expectError(await signIn('owner-at-pactwatch.test', DEMO_PASSWORD), 'BAD_USER_INPUT', 'email');
      expectError(await signIn('two words@pactwatch.test', DEMO_PASSWORD), 'BAD_USER_INPUT', 'email');
    });

    it('after five failed sign-ins on one account refuses the sixth, even with the right password, with RATE_LIMITED and retryAfter', async () => {
      const target = await signUp('throttled@example.org', 'Theo Throttled');
      for (let attempt = 1; attempt <= 5; attempt++) {
        expectError(await signIn(target.user.email, `wrong-guess-${attempt}`), 'UNAUTHENTICATED');
      }
      const sessionsBefore = await app.sql('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [target.user.id]);

      const sixth = await signIn(target.user.email, PASSWORD);
      const error = expectError(sixth, 'RATE_LIMITED');
      expect(typeof error.extensions!.retryAfter).toBe('number');
      expect(error.extensions!.retryAfter).toBeGreaterThan(0);
      expect(error.extensions!.retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(sessionCookie(sixth)).toBeUndefined();
      expect(await app.sql('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [target.user.id])).toEqual(sessionsBefore);
      // The case of the address does not open a way round it.
      expectError(await signIn('THROTTLED@Example.org', PASSWORD), 'RATE_LIMITED');

      // Other accounts are not held up.
      const other = await signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
      expect(other.errors).toBeUndefined();
      expect(other.data!.signIn.user.id).toBe(DEMO_USERS.viewer.id);
      // The account's session from before the throttling still works.
      expect((await me(target.token)).data!.me.user.id).toBe(target.user.id);
    });

    it("gives a retryAfter that lasts as long as the account's own lock, whatever older misses came from the same address", async () => {
      const target = await signUp('locked-out@example.org', 'Lou Locked');
      expectError(await signIn('someone-else@example.org', 'a-wrong-guess'), 'UNAUTHENTICATED');
      // That miss of another account, from the same address, is 14 of the 15 minutes old.
      await app.sql("UPDATE sign_in_failures SET created_at = now() - interval '14 minutes' WHERE email = 'someone-else@example.org'");
      for (let attempt = 1; attempt <= 5; attempt++) {
        expectError(await signIn(target.user.email, `wrong-guess-${attempt}`), 'UNAUTHENTICATED');
      }
      const error = expectError(await signIn(target.user.email, PASSWORD), 'RATE_LIMITED');
      // The account's five misses are minutes old at most: it stays locked for well over ten minutes more.
      expect(error.extensions!.retryAfter).toBeGreaterThan(10 * 60);
      expect(error.extensions!.retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(error.message).toContain(String(error.extensions!.retryAfter));
    });
  });

  describe('signOut', () => {
    it('ends this session (the same token is then refused) and clears the cookie, and leaves other sessions open', async () => {
      const token = await app.signIn(DEMO_USERS.viewer.email);
      const otherToken = await app.signIn(DEMO_USERS.viewer.email);
      expect((await me(token)).data!.me.user.id).toBe(DEMO_USERS.viewer.id);

      const res = await app.request({ query: Q.signOut, token });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ signOut: { done: true } });
      const cleared = sessionCookie(res);
      expect(cleared).toBeDefined();
      expect(cleared!.split(';')[0]).toBe('pw_session=');
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);

      expectError(await me(token), 'UNAUTHENTICATED');
      expectError(await app.request({ query: Q.commitments, token }), 'UNAUTHENTICATED');
      const [row] = await app.sql('SELECT revoked_at FROM sessions WHERE id = $1', [claimsOf(token).sid]);
      expect(row.revoked_at).toBeInstanceOf(Date);
      expect((await me(otherToken)).data!.me.user.id).toBe(DEMO_USERS.viewer.id);
    });

    it('ends a cookie session too', async () => {
      const cookie = sessionCookie(await signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD))!.split(';')[0];
      const res = await app.request({ query: Q.signOut, headers: { cookie } });
      expect(res.data).toEqual({ signOut: { done: true } });
      expect(sessionCookie(res)!.split(';')[0]).toBe('pw_session=');
      expectError(await me(null, { cookie }), 'UNAUTHENTICATED');
    });

    it('is refused to an anonymous caller', async () => {
      expectError(await app.request({ query: Q.signOut }), 'UNAUTHENTICATED');
    });
  });

  describe('tokens that are not valid', () => {
    it('refuses a malformed token and a token signed with another key with UNAUTHENTICATED, and nothing else happens', async () => {
      const real = claimsOf(await app.signIn(DEMO_USERS.analyst.email));
      const forged = sign({ sub: real.sub, sid: real.sid, wid: real.wid }, 'another-key-that-is-long-enough-to-look-real', {
        algorithm: 'HS256', issuer: 'pactwatch', audience: 'pactwatch', expiresIn: 600,
      });
      const [{ version }] = await app.sql('SELECT version FROM commitments WHERE id = $1', [SEED_IDS.commitments.mxSmuggling]);
      const change = { commitmentId: SEED_IDS.commitments.mxSmuggling, expectedVersion: version, status: 'IN_PROGRESS', note: 'Started.' };

      for (const token of ['abc', forged]) {
        const before = await accountCounts();
        const asked = await me(token);
        const error = expectError(asked, 'UNAUTHENTICATED');
        expect(error.message).not.toMatch(/expired/i);
        expect(sessionCookie(asked)).toBeUndefined();
        const write = await app.request({ query: Q.changeStatus, variables: { input: change }, token });
        expectError(write, 'UNAUTHENTICATED');
        expectError(await app.request({ query: Q.commitments, token }), 'UNAUTHENTICATED');
        expect(await accountCounts()).toEqual(before);
      }
      const [after] = await app.sql('SELECT version, status FROM commitments WHERE id = $1', [SEED_IDS.commitments.mxSmuggling]);
      expect(after.version).toBe(version);
    });

    it('refuses an expired token of a real session with UNAUTHENTICATED saying it expired', async () => {
      const [{ value: secret }] = await app.sql("SELECT value FROM server_secrets WHERE name = 'jwt'");
      const real = claimsOf(await app.signIn(DEMO_USERS.analyst.email));
      const now = Math.floor(Date.now() / 1000);
      const options = { algorithm: 'HS256', issuer: 'pactwatch', audience: 'pactwatch' } as const;
      const expired = sign({ sub: real.sub, sid: real.sid, wid: real.wid, iat: now - 7200, exp: now - 60 }, secret, options);
      const current = sign({ sub: real.sub, sid: real.sid, wid: real.wid, iat: now - 60, exp: now + 600 }, secret, options);

      const error = expectError(await me(expired), 'UNAUTHENTICATED');
      expect(error.message).toMatch(/expired/i);
      expectError(await app.request({ query: Q.commitments, token: expired }), 'UNAUTHENTICATED');
      // The same claims and key, not expired, are accepted: only the expiry was wrong.
      expect((await me(current)).data!.me.user.id).toBe(DEMO_USERS.analyst.id);
    });
  });

  describe('changePassword', () => {
    let user: { id: string; email: string };
    let thisSession: string;
    let otherSession: string;
    beforeAll(async () => {
      const account = await signUp('changer@example.org', 'Chandra Changer');
      user = account.user;
      thisSession = account.token;
      otherSession = await app.signIn(user.email, PASSWORD);
    });
    const change = (currentPassword: string, newPassword: string) =>
      app.request({ query: Q.changePassword, variables: { input: { currentPassword, newPassword } }, token: thisSession });

    it('refuses a wrong current password on currentPassword, and changes nothing', async () => {
      const hash = await passwordHash(user.id);
      const before = await accountCounts();
      expectError(await change('not-my-password', 'a-brand-new-password'), 'BAD_USER_INPUT', 'currentPassword');
      expect(await passwordHash(user.id)).toBe(hash);
      expect(await accountCounts()).toEqual(before);
      expect((await me(otherSession)).data!.me.user.id).toBe(user.id);
    });

    it('refuses a too short new password on newPassword, and changes nothing', async () => {
      const hash = await passwordHash(user.id);
      const before = await accountCounts();
      expectError(await change(PASSWORD, 'short'), 'BAD_USER_INPUT', 'newPassword');
      expect(await passwordHash(user.id)).toBe(hash);
      expect(await accountCounts()).toEqual(before);
    });

    it('changes it: this session goes on, the others end, the new password signs in and the old one does not', async () => {
      const res = await change(PASSWORD, 'a-brand-new-password');
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ changePassword: { done: true } });

      expect((await me(thisSession)).data!.me.user.id).toBe(user.id);
      expectError(await me(otherSession), 'UNAUTHENTICATED');
      const open = await app.sql('SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
      expect(open).toEqual([{ id: claimsOf(thisSession).sid }]);

      expectError(await signIn(user.email, PASSWORD), 'UNAUTHENTICATED');
      const withNew = await signIn(user.email, 'a-brand-new-password');
      expect(withNew.errors).toBeUndefined();
      expect(withNew.data!.signIn.user.id).toBe(user.id);
    });

    it('is refused to an anonymous caller', async () => {
      const res = await app.request({ query: Q.changePassword, variables: { input: { currentPassword: PASSWORD, newPassword: 'whatever-it-is' } } });
      expectError(res, 'UNAUTHENTICATED');
    });
  });

  describe('password reset', () => {
    let user: { id: string; email: string };
    let sessionBefore: string;
    let resetToken: string;
    const NEW_PASSWORD = 'reset-to-this-one';
    beforeAll(async () => {
      const account = await signUp('forgetful@example.org', 'Fern Forgetful');
      user = account.user;
      sessionBefore = account.token;
    });
    const requestReset = (email: string) => app.request({ query: Q.requestReset, variables: { input: { email } } });
    const reset = (token: string, newPassword: string) => app.request({ query: Q.reset, variables: { input: { token, newPassword } } });

    it('mails one reset link with a token to an existing account', async () => {
      let res: GqlResponse | undefined;
      const mails = await newMail(async () => {
        res = await requestReset('  Forgetful@Example.org ');
      });
      expect(res!.errors).toBeUndefined();
      expect(res!.data).toEqual({ requestPasswordReset: { done: true } });
      expect(mails).toHaveLength(1);
      expect(mails[0].to).toContain(user.email);
      expect(mails[0].text).toContain('token=');
      resetToken = linkIn(mails[0], '/reset-password').token;
      const rows = await app.sql('SELECT used_at FROM password_resets WHERE user_id = $1', [user.id]);
      expect(rows).toEqual([{ used_at: null }]);
    });

    it('answers an unknown email the same and mails nothing', async () => {
      const before = await accountCounts();
      const known = await requestReset(user.email);
      const afterKnown = await accountCounts();
      const unknown = await requestReset('stranger@example.org');
      expect({ data: unknown.data, errors: unknown.errors, status: unknown.status }).toEqual({ data: known.data, errors: known.errors, status: known.status });
      expect(await accountCounts()).toEqual(afterKnown);
      // The known one did write: a mail and a reset.
      expect(afterKnown.outbox).toBe(before.outbox + 1);
      expect(afterKnown.password_resets).toBe(before.password_resets + 1);
    });

    it('refuses a too short new password and leaves the link usable', async () => {
      const hash = await passwordHash(user.id);
      expectError(await reset(resetToken, 'short'), 'BAD_USER_INPUT', 'newPassword');
      expect(await passwordHash(user.id)).toBe(hash);
      expect((await me(sessionBefore)).data!.me.user.id).toBe(user.id);
    });

    it('sets the password with the token and ends every session; the token works once', async () => {
      const other = await app.signIn(user.email, PASSWORD);
      const res = await reset(resetToken, NEW_PASSWORD);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ resetPassword: { done: true } });

      expectError(await me(sessionBefore), 'UNAUTHENTICATED');
      expectError(await me(other), 'UNAUTHENTICATED');
      expect(await app.sql('SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [user.id])).toEqual([]);
      expectError(await signIn(user.email, PASSWORD), 'UNAUTHENTICATED');
      const signedIn = await signIn(user.email, NEW_PASSWORD);
      expect(signedIn.errors).toBeUndefined();
      sessionBefore = signedIn.data!.signIn.token;

      const hash = await passwordHash(user.id);
      expectError(await reset(resetToken, 'yet-another-password'), 'BAD_USER_INPUT', 'token');
      expect(await passwordHash(user.id)).toBe(hash);
      expect((await me(sessionBefore)).data!.me.user.id).toBe(user.id);
    });

    it('refuses an expired reset link and changes nothing', async () => {
      const mails = await newMail(() => requestReset(user.email));
      const { token } = linkIn(mails[0], '/reset-password');
      await app.sql("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = $1 AND used_at IS NULL", [user.id]);
      const hash = await passwordHash(user.id);
      const error = expectError(await reset(token, 'too-late-for-this'), 'BAD_USER_INPUT', 'token');
      expect(error.message).toMatch(/expired/i);
      expect(await passwordHash(user.id)).toBe(hash);
      expect((await me(sessionBefore)).data!.me.user.id).toBe(user.id);
    });

    it('refuses a token that was never issued', async () => {
      expectError(await reset('made-up-token-made-up-token-made-up-token-0', 'whatever-it-is'), 'BAD_USER_INPUT', 'token');
    });
  });

  describe('signUp', () => {
    let founder: { token: string; user: { id: string; email: string }; workspace: { id: string; name: string } };

    it('creates a user who owns a new workspace, and signs them in', async () => {
      const res = await app.request({
        query: Q.signUp,
        variables: { input: { email: 'Founder@Example.org', name: 'Fatima Founder', password: PASSWORD, workspaceName: '  Border Monitor ' } },
      });
      expect(res.errors).toBeUndefined();
      founder = res.data!.signUp;
      expect(founder.user).toMatchObject({ email: 'founder@example.org', name: 'Fatima Founder' });
      expect(founder.workspace).toEqual({ id: expect.any(String), name: 'Border Monitor' });
      expect(founder.workspace.id).not.toBe(WORKSPACE);
      expect(sessionCookie(res)!.split(';')[0]).toBe(`pw_session=${founder.token}`);

      const view = (await me(founder.token)).data!.me;
      expect(view).toMatchObject({ kind: 'USER', user: { id: founder.user.id }, workspace: founder.workspace, role: 'OWNER' });
      expect([...view.permissions].sort()).toEqual(ALL_PERMISSIONS);
      expect(view.memberships).toEqual([{ role: 'OWNER', workspace: founder.workspace, user: { id: founder.user.id } }]);
      expect(await app.sql('SELECT workspace_id, role FROM memberships WHERE user_id = $1', [founder.user.id])).toEqual([
        { workspace_id: founder.workspace.id, role: 'OWNER' },
      ]);
      // A new workspace starts empty: the seeded tracker is not visible from it.
      const commitments = await app.request({ query: Q.commitments, token: founder.token });
      expect(commitments.data!.commitments.totalCount).toBe(0);
    });

    it('refuses an email that already has an account with CONFLICT on email, and writes nothing', async () => {
      const before = await accountCounts();
      const res = await app.request({
        query: Q.signUp,
        variables: { input: { email: ' OWNER@pactwatch.test ', name: 'Impostor', password: PASSWORD, workspaceName: 'Takeover' } },
      });
      expectError(res, 'CONFLICT', 'email');
      expect(sessionCookie(res)).toBeUndefined();
      expect(await accountCounts()).toEqual(before);
      expect(await app.sql("SELECT count(*)::int AS n FROM workspaces WHERE name = 'Takeover'")).toEqual([{ n: 0 }]);
    });

    it('refuses a short password and a malformed email as bad input, and writes nothing', async () => {
      const before = await accountCounts();
      const short = await app.request({ query: Q.signUp, variables: { input: { email: 'new@example.org', name: 'N', password: 'short', workspaceName: 'W' } } });
      expectError(short, 'BAD_USER_INPUT', 'password');
      const malformed = await app.request({ query: Q.signUp, variables: { input: { email: 'new.example.org', name: 'N', password: PASSWORD, workspaceName: 'W' } } });
      expectError(malformed, 'BAD_USER_INPUT', 'email');
      expect(await accountCounts()).toEqual(before);
    });

    describe('the workspace a request works in', () => {
      it('refuses an anonymous call to commitments with UNAUTHENTICATED', async () => {
        const res = await app.request({ query: Q.commitments });
        expectError(res, 'UNAUTHENTICATED');
      });

      it('refuses an x-workspace-id header naming a workspace the user is not in with FORBIDDEN, existing or not', async () => {
        const other = await app.request({ query: Q.commitments, token: app.tokens.owner, headers: { 'x-workspace-id': founder.workspace.id } });
        const unknown = await app.request({ query: Q.commitments, token: app.tokens.owner, headers: { 'x-workspace-id': UNKNOWN_WORKSPACE } });
        const a = expectError(other, 'FORBIDDEN');
        const b = expectError(unknown, 'FORBIDDEN');
        expect(a.message.replace(founder.workspace.id, '<id>')).toBe(b.message.replace(UNKNOWN_WORKSPACE, '<id>'));
        expectError(await me(app.tokens.owner, { 'x-workspace-id': founder.workspace.id }), 'FORBIDDEN');
        // The header naming the user's own workspace is fine.
        const own = await app.request({ query: Q.commitments, token: app.tokens.owner, headers: { 'x-workspace-id': WORKSPACE } });
        expect(own.errors).toBeUndefined();
        expect(own.data!.commitments.totalCount).toBeGreaterThan(0);
      });

      it('refuses an x-workspace-id header that is not a uuid with BAD_USER_INPUT', async () => {
        const res = await app.request({ query: Q.commitments, token: app.tokens.owner, headers: { 'x-workspace-id': 'not-a-uuid' } });
        expectError(res, 'BAD_USER_INPUT', 'x-workspace-id');
      });

      it('switchWorkspace gives a token that works in another workspace of the user, and refuses one they are not in', async () => {
        const created = await app.request({ query: Q.createWorkspace, variables: { input: { name: 'Second desk' } }, token: app.tokens.owner });
        expect(created.errors).toBeUndefined();
        const second = created.data!.createWorkspace.workspace;

        const res = await app.request({ query: Q.switchWorkspace, variables: { input: { workspaceId: second.id } }, token: app.tokens.owner });
        expect(res.errors).toBeUndefined();
        const session = res.data!.switchWorkspace;
        expect(session).toMatchObject({ user: { id: DEMO_USERS.owner.id }, workspace: { id: second.id, name: 'Second desk' } });
        expect(claimsOf(session.token).wid).toBe(second.id);

        const there = (await me(session.token)).data!.me;
        expect(there).toMatchObject({ workspace: { id: second.id }, role: 'OWNER' });
        expect(there.memberships.map((m: any) => m.workspace.id).sort()).toEqual([WORKSPACE, second.id].sort());
        expect((await app.request({ query: Q.commitments, token: session.token })).data!.commitments.totalCount).toBe(0);
        // The first token still works in the first workspace.
        expect((await me(app.tokens.owner)).data!.me.workspace.id).toBe(WORKSPACE);

        const before = await accountCounts();
        const refused = await app.request({ query: Q.switchWorkspace, variables: { input: { workspaceId: founder.workspace.id } }, token: app.tokens.owner });
        expectError(refused, 'FORBIDDEN');
        expect(sessionCookie(refused)).toBeUndefined();
        expect(await accountCounts()).toEqual(before);
      });
    });
  });
});
