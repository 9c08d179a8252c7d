import { decode, sign } from 'jsonwebtoken';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { SIGN_UP, signUpAndConfirm, signUpLinkMailed } from './support/accounts';
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
  signUp: SIGN_UP,
  confirmSignUp: `mutation($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { ${SESSION_FIELDS} } }`,
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
    // Each sign-up and reset comes from an address of its own (x-forwarded-for), clear of the mail limits per address.
    app = await startTestApp({ TRUST_PROXY: 'true' });
  });
  let lastOctet = 0;
  const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${++lastOctet}` });
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
      (SELECT count(*)::int FROM sign_up_requests) AS sign_up_requests,
      (SELECT count(*)::int FROM sign_up_requests WHERE used_at IS NOT NULL) AS sign_ups_used,
      (SELECT count(*)::int FROM invitations) AS invitations,
      (SELECT count(*)::int FROM api_keys) AS api_keys`);
    return { ...row, ...(await rowCounts(app)), outbox: app.outbox().length };
  };

  const me = (token: string | null, headers?: Record<string, string>) => app.request({ query: Q.me, token, headers });

  const signIn = (email: string, password: string, token?: string) =>
    app.request({ query: Q.signIn, variables: { input: { email, password } }, token });

  /** A new account (with its own workspace), signed in by following the emailed link. */
  const signUp = (email: string, name = 'Test Person', workspaceName = `${name}'s desk`) =>
    signUpAndConfirm(app, { email, name, password: PASSWORD, workspaceName }, fromNewAddress());

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
      // The account limits' counts; the request itself counts toward the caller's rate limit (graphql:…), as any does.
      const accountCounts = 'SELECT key, points, expire FROM rate_limits ORDER BY key';
      const counts = await app.sql(accountCounts);
      expect(counts.length).toBeGreaterThan(0);
      expectError(await signIn(DEMO_USERS.owner.email, 'x'.repeat(257)), 'BAD_USER_INPUT', 'password');
      expect(await app.sql(accountCounts)).toEqual(counts);
    });

    it('refuses a malformed email as bad input on the email field', async () => {
      expectError(await signIn('owner-at-pactwatch.test', DEMO_PASSWORD), 'BAD_USER_INPUT', 'email');
      expectError(await signIn('two words@pactwatch.test', DEMO_PASSWORD), 'BAD_USER_INPUT', 'email');
      expectError(await signIn(`Owner <${DEMO_USERS.owner.email}>`, DEMO_PASSWORD), 'BAD_USER_INPUT', 'email');
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
    const requestReset = (email: string) => app.request({ query: Q.requestReset, variables: { input: { email } }, headers: fromNewAddress() });
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

    it('answers an unknown email the same, with one mail to it that holds no link, and writes no reset', async () => {
      const before = await accountCounts();
      // Another account's address: this one's mails are limited to 3 an hour, and the next test needs the third.
      const known = await requestReset(DEMO_USERS.viewer.email);
      const afterKnown = await accountCounts();
      let unknown: GqlResponse | undefined;
      const mails = await newMail(async () => {
        unknown = await requestReset('stranger@example.org');
      });
      expect({ data: unknown!.data, errors: unknown!.errors, status: unknown!.status }).toEqual({ data: known.data, errors: known.errors, status: known.status });
      expect(await accountCounts()).toEqual({ ...afterKnown, outbox: afterKnown.outbox + 1 });
      expect(mails).toHaveLength(1);
      expect(mails[0].to).toContain('stranger@example.org');
      expect(mails[0].text).toMatch(/no Pactwatch account uses it/);
      expect(mails[0].text).not.toContain('token=');
      // The known one wrote a mail and a reset.
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

  describe('signUp and confirmSignUp', () => {
    let founder: { token: string; user: { id: string; email: string }; workspace: { id: string; name: string } };
    const signUpRaw = (input: Record<string, unknown>) => app.request({ query: Q.signUp, variables: { input }, headers: fromNewAddress() });
    const confirm = (token: string) => app.request({ query: Q.confirmSignUp, variables: { input: { token } } });

    it('mails a one-time link and creates nothing yet; following it creates a user who owns a new workspace, and signs them in', async () => {
      const before = await accountCounts();
      let res: (GqlResponse & { headers: Headers }) | undefined;
      const mails = await newMail(async () => {
        res = await signUpRaw({ email: 'Founder@Example.org', name: 'Fatima Founder', password: PASSWORD, workspaceName: '  Border Monitor ' });
      });
      expect(res!.errors).toBeUndefined();
      expect(res!.data).toEqual({ signUp: { done: true } });
      expect(sessionCookie(res!)).toBeUndefined();
      expect(mails).toHaveLength(1);
      expect(mails[0].to).toContain('founder@example.org');
      expect(mails[0].text).toContain('Border Monitor');
      const { token } = linkIn(mails[0], '/sign-up/confirm');
      expect(await accountCounts()).toEqual({ ...before, sign_up_requests: before.sign_up_requests + 1, outbox: before.outbox + 1 });
      // Only the token's hash is kept.
      const [kept] = await app.sql("SELECT encode(token_hash, 'hex') AS hash FROM sign_up_requests WHERE email = 'founder@example.org'");
      expect(kept.hash).not.toContain(Buffer.from(token).toString('hex'));

      const confirmed = await confirm(token);
      expect(confirmed.errors).toBeUndefined();
      founder = confirmed.data!.confirmSignUp;
      expect(founder.user).toMatchObject({ email: 'founder@example.org', name: 'Fatima Founder' });
      expect(founder.workspace).toEqual({ id: expect.any(String), name: 'Border Monitor' });
      expect(founder.workspace.id).not.toBe(WORKSPACE);
      expect(sessionCookie(confirmed)!.split(';')[0]).toBe(`pw_session=${founder.token}`);

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
      // The password given at sign-up signs in.
      expect((await signIn('founder@example.org', PASSWORD)).errors).toBeUndefined();

      // The link works once.
      const again = await accountCounts();
      const reused = await confirm(token);
      expect(expectError(reused, 'BAD_USER_INPUT', 'token').message).toMatch(/already been used/);
      expect(sessionCookie(reused)).toBeUndefined();
      expect(await accountCounts()).toEqual(again);
    });

    it('answers an email that already has an account the same, mails its owner a note with no link, and creates nothing', async () => {
      const before = await accountCounts();
      let res: (GqlResponse & { headers: Headers }) | undefined;
      const mails = await newMail(async () => {
        res = await signUpRaw({ email: ' OWNER@pactwatch.test ', name: 'Impostor', password: PASSWORD, workspaceName: 'Takeover' });
      });
      expect(res!.errors).toBeUndefined();
      expect(res!.data).toEqual({ signUp: { done: true } });
      expect(sessionCookie(res!)).toBeUndefined();
      expect(mails).toHaveLength(1);
      expect(mails[0].to).toContain(DEMO_USERS.owner.email);
      expect(mails[0].subject).toMatch(/tried to create a Pactwatch account/);
      expect(mails[0].text).toMatch(/You already have one/);
      expect(mails[0].text).toMatch(/password reset/);
      expect(mails[0].text).not.toContain('token=');
      expect(await accountCounts()).toEqual({ ...before, outbox: before.outbox + 1 });
      expect(await app.sql("SELECT count(*)::int AS n FROM workspaces WHERE name = 'Takeover'")).toEqual([{ n: 0 }]);
    });

    it('refuses a short password, a malformed email and a display name as bad input, and writes and mails nothing', async () => {
      const before = await accountCounts();
      const short = await signUpRaw({ email: 'new@example.org', name: 'N', password: 'short', workspaceName: 'W' });
      expectError(short, 'BAD_USER_INPUT', 'password');
      const malformed = await signUpRaw({ email: 'new.example.org', name: 'N', password: PASSWORD, workspaceName: 'W' });
      expectError(malformed, 'BAD_USER_INPUT', 'email');
      const displayName = await signUpRaw({ email: 'evil<victim@evil.example>', name: 'N', password: PASSWORD, workspaceName: 'W' });
      expectError(displayName, 'BAD_USER_INPUT', 'email');
      expect(await accountCounts()).toEqual(before);
    });

    it('refuses a link that was never issued, or has expired, on token, and writes nothing', async () => {
      const token = await signUpLinkMailed(app, 'late@example.org', () =>
        signUpRaw({ email: 'late@example.org', name: 'Lee Late', password: PASSWORD, workspaceName: 'Late desk' }),
      );
      await app.sql("UPDATE sign_up_requests SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.org'");
      const before = await accountCounts();
      expect(expectError(await confirm(token), 'BAD_USER_INPUT', 'token').message).toMatch(/expired/);
      expectError(await confirm('made-up-token-made-up-token-made-up-token-0'), 'BAD_USER_INPUT', 'token');
      expect(await accountCounts()).toEqual(before);
      expect(await app.sql("SELECT count(*)::int AS n FROM users WHERE email = 'late@example.org'")).toEqual([{ n: 0 }]);
    });

    it('of two links mailed to one address, the second followed is a CONFLICT on token once the first made the account, and writes nothing', async () => {
      const input = { email: 'twice@example.org', name: 'Tess Twice', password: PASSWORD, workspaceName: 'Twice desk' };
      const first = await signUpLinkMailed(app, input.email, () => signUpRaw(input));
      const second = await signUpLinkMailed(app, input.email, () => signUpRaw({ ...input, workspaceName: 'Second try' }));
      expect((await confirm(second)).errors).toBeUndefined();
      const before = await accountCounts();
      const refused = await confirm(first);
      expectError(refused, 'CONFLICT', 'token');
      expect(sessionCookie(refused)).toBeUndefined();
      expect(await accountCounts()).toEqual(before);
      expect(await app.sql("SELECT count(*)::int AS n FROM workspaces WHERE name = 'Twice desk'")).toEqual([{ n: 0 }]);
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
