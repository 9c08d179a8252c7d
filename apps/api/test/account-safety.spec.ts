import { simpleParser } from 'mailparser';
import { ACCOUNT_LIMITS, keyOf } from '../src/modules/auth/account-limits.service';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SIGN_UP, signUpAndConfirm } from './support/accounts';
import { expectError } from './support/expectations';
import { linkIn, readMail } from './support/mail';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * What an anonymous caller (or a stolen session) can learn of accounts and try against them:
 * whether an address has an account, how fast passwords can be guessed, how many mails can be
 * sent to someone, and whose links an admin can read. Callers' addresses are told apart by
 * x-forwarded-for, which the app trusts here (TRUST_PROXY).
 */

const PASSWORD = 'correct-horse-battery';
const Q = {
  signIn: 'mutation($input: SignInInput!) { signIn(input: $input) { token user { id } } }',
  signUp: SIGN_UP,
  requestReset: 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { done } }',
  changePassword: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { done } }',
  me: 'query { me { user { id } } }',
  invite: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
  accept: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { role } } }',
  addRecipient: 'mutation($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) { subscription { id } } }',
  confirmRecipient: 'mutation($input: ConfirmDigestRecipientInput!) { confirmDigestRecipient(input: $input) { subscription { id } } }',
  outbox: 'query { outbox(first: 100) { file to subject raw } }',
};

describe('accounts against hostile callers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '100000', DIGEST_POLL_SECONDS: '0' });
  }, 60_000);
  afterAll(() => app?.close());

  let lastAddress = 0;
  /** A caller's address of its own. */
  const newAddress = () => `203.0.113.${++lastAddress}`;
  const from = (address: string) => ({ 'x-forwarded-for': address });

  const signIn = (email: string, password: string, address: string) =>
    app.request({ query: Q.signIn, variables: { input: { email, password } }, headers: from(address) });
  const codeOf = (res: GqlResponse) => (res.errors ? res.errors[0].extensions?.code : 'OK');
  const answerOf = (res: GqlResponse) => ({ status: res.status, data: res.data, errors: res.errors });

  const rowCounts = async () =>
    (
      await app.sql(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM workspaces) AS workspaces,
        (SELECT count(*)::int FROM memberships) AS memberships, (SELECT count(*)::int FROM sessions) AS sessions,
        (SELECT count(*)::int FROM password_resets) AS password_resets, (SELECT count(*)::int FROM sign_up_requests) AS sign_up_requests`)
    )[0];

  /** The statements a call sends, the fewest of its runs: a timer of the app (presence) may fall into one run, not into all. */
  const fewestStatements = async (runs: (() => Promise<GqlResponse>)[]) => {
    const counts: number[] = [];
    const answers: ReturnType<typeof answerOf>[] = [];
    for (const run of runs) {
      counts.push(
        await app.countStatements(async () => {
          answers.push(answerOf(await run()));
        }),
      );
    }
    return { statements: Math.min(...counts), answers };
  };

  /** Expires the current block of a key, as if its wait had passed. */
  const endWait = (prefix: string, key: string) =>
    app.sql('UPDATE rate_limits SET expire = (extract(epoch FROM now()) * 1000)::bigint - 1 WHERE key = $1', [`${prefix}:${key}`]);

  describe('signUp tells no one whether an address has an account', () => {
    it('answers a known and an unknown address alike, with the same statements and one mail each; only the unknown one gets a link', async () => {
      const before = await rowCounts();
      const outboxBefore = app.outbox().length;
      const unknown = await fewestStatements(
        [1, 2, 3].map((n) => () => app.request({ query: Q.signUp, variables: { input: { email: `newcomer-${n}@example.org`, name: 'Nia New', password: PASSWORD, workspaceName: 'New desk' } }, headers: from(newAddress()) })),
      );
      const known = await fewestStatements(
        [DEMO_USERS.owner.email, DEMO_USERS.analyst.email, DEMO_USERS.viewer.email].map((email) => () =>
          app.request({ query: Q.signUp, variables: { input: { email, name: 'Nia New', password: PASSWORD, workspaceName: 'New desk' } }, headers: from(newAddress()) }),
        ),
      );
      expect(new Set([...unknown.answers, ...known.answers].map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ status: 200, data: { signUp: { done: true } } })]));
      expect(known.statements).toBe(unknown.statements);
      expect(known.statements).toBeGreaterThan(0);

      const mails = app.outbox().slice(outboxBefore).map(readMail);
      expect(mails).toHaveLength(6);
      const toNewcomers = mails.filter((m) => m.to.includes('newcomer-'));
      const toOwners = mails.filter((m) => !m.to.includes('newcomer-'));
      expect(toNewcomers.map((m) => linkIn(m, '/sign-up/confirm').token)).toHaveLength(3);
      expect(toOwners).toHaveLength(3);
      for (const mail of toOwners) {
        expect(mail.text).toMatch(/tried to create a Pactwatch account with this address/);
        expect(mail.text).not.toContain('token=');
      }
      // Requests for the unknown addresses only; no account, workspace or session for anyone yet.
      expect(await rowCounts()).toEqual({ ...before, sign_up_requests: before.sign_up_requests + 3 });
    });

    it('mails one address at most 3 times an hour (sign-ups and resets together), answering the same after', async () => {
      const outboxBefore = app.outbox().length;
      const answers = [];
      for (let i = 0; i < 6; i++) {
        const signUp = { query: Q.signUp, variables: { input: { email: 'bombed@example.org', name: 'B', password: PASSWORD, workspaceName: 'W' } } };
        answers.push(answerOf(await app.request({ ...(i % 2 ? { query: Q.requestReset, variables: { input: { email: 'bombed@example.org' } } } : signUp), headers: from(newAddress()) })));
      }
      expect(answers.map((a) => a.errors)).toEqual(Array(6).fill(undefined));
      expect(app.outbox().slice(outboxBefore).map(readMail).filter((m) => m.to.includes('bombed@example.org'))).toHaveLength(ACCOUNT_LIMITS.mailPerEmail.points);
    });
  });

  describe('requestPasswordReset tells no one whether an address has an account', () => {
    it('answers a known and an unknown address alike, with the same statements and one mail each; only the account gets a link', async () => {
      const before = await rowCounts();
      const outboxBefore = app.outbox().length;
      const reset = (email: string) => () => app.request({ query: Q.requestReset, variables: { input: { email } }, headers: from(newAddress()) });
      const unknown = await fewestStatements([reset('nobody-1@example.org'), reset('nobody-2@example.org'), reset('nobody-3@example.org')]);
      const known = await fewestStatements([reset(DEMO_USERS.owner.email), reset(DEMO_USERS.analyst.email), reset(DEMO_USERS.viewer.email)]);
      expect(new Set([...unknown.answers, ...known.answers].map((a) => JSON.stringify(a)))).toEqual(
        new Set([JSON.stringify({ status: 200, data: { requestPasswordReset: { done: true } } })]),
      );
      expect(known.statements).toBe(unknown.statements);

      const mails = app.outbox().slice(outboxBefore).map(readMail);
      expect(mails).toHaveLength(6);
      for (const mail of mails.filter((m) => m.to.includes('nobody-'))) {
        expect(mail.text).toMatch(/no Pactwatch account uses it/);
        expect(mail.text).not.toContain('token=');
      }
      expect(mails.filter((m) => !m.to.includes('nobody-')).map((m) => linkIn(m, '/reset-password').token)).toHaveLength(3);
      expect(await rowCounts()).toEqual({ ...before, password_resets: before.password_resets + 3 });
    });

    it('30 reset requests for a new account send 2 mails, its third and last of the hour after the sign-up link, and every answer is the same', async () => {
      const account = await signUpAndConfirm(app, { email: 'reset-flood@example.org', name: 'Rhea Reset', password: PASSWORD, workspaceName: 'Flood desk' }, from(newAddress()));
      const outboxBefore = app.outbox().length;
      const answers = [];
      for (let i = 0; i < 30; i++) {
        answers.push(answerOf(await app.request({ query: Q.requestReset, variables: { input: { email: account.user.email } }, headers: from(newAddress()) })));
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]).toEqual({ status: 200, data: { requestPasswordReset: { done: true } }, errors: undefined });
      // The sign-up link was the first of the hour's three mails to the address.
      expect(app.outbox().slice(outboxBefore)).toHaveLength(ACCOUNT_LIMITS.mailPerEmail.points - 1);
      expect(await app.sql('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [account.user.id])).toEqual([{ n: ACCOUNT_LIMITS.mailPerEmail.points - 1 }]);
    });

    it('one caller asking for 12 addresses gets 10 mails sent, and the same answer for all', async () => {
      const address = newAddress();
      const outboxBefore = app.outbox().length;
      const answers = [];
      for (let i = 0; i < 12; i++) {
        answers.push(answerOf(await app.request({ query: Q.requestReset, variables: { input: { email: `spread-${i}@example.org` } }, headers: from(address) })));
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(app.outbox().slice(outboxBefore)).toHaveLength(ACCOUNT_LIMITS.mailPerAddress.points);
    });
  });

  describe('sign-in throttling', () => {
    it('a burst of 20 wrong passwords at once gets 5 checked and 15 refused with RATE_LIMITED; the owner from elsewhere still signs in', async () => {
      const target = await signUpAndConfirm(app, { email: 'burst@example.org', name: 'Bea Burst', password: PASSWORD, workspaceName: 'Burst desk' }, from(newAddress()));
      const attacker = newAddress();
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(target.user.email, `wrong-guess-${i}`, attacker)));
      const codes = answers.map(codeOf);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(ACCOUNT_LIMITS.freeFailures);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20 - ACCOUNT_LIMITS.freeFailures);
      for (const refused of answers.filter((a) => codeOf(a) === 'RATE_LIMITED')) {
        const error = expectError(refused, 'RATE_LIMITED');
        expect(error.extensions!.retryAfter).toBeGreaterThanOrEqual(1);
        expect(error.extensions!.retryAfter).toBeLessThanOrEqual(ACCOUNT_LIMITS.maxBlockSeconds);
      }
      // The attacker's address is held up, even with the right password…
      const sessions = await app.sql('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [target.user.id]);
      expectError(await signIn(target.user.email, PASSWORD, attacker), 'RATE_LIMITED');
      expectError(await signIn('BURST@Example.org', PASSWORD, attacker), 'RATE_LIMITED');
      expect(await app.sql('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [target.user.id])).toEqual(sessions);
      // …the owner, from another address, is not.
      const owner = await signIn(target.user.email, PASSWORD, newAddress());
      expect(owner.errors).toBeUndefined();
      expect(owner.data!.signIn.user.id).toBe(target.user.id);
    });

    it('after 5 misses from one address, that address waits 1 s, then 2 s, 4 s … at most 15 minutes, one try after each wait', async () => {
      const target = await signUpAndConfirm(app, { email: 'backoff@example.org', name: 'Bo Backoff', password: PASSWORD, workspaceName: 'Backoff desk' }, from(newAddress()));
      const attacker = newAddress();
      const pair = keyOf(target.user.email, attacker);
      for (let i = 0; i < 5; i++) expectError(await signIn(target.user.email, `miss-${i}`, attacker), 'UNAUTHENTICATED');
      const waits: number[] = [];
      for (let round = 0; round < 3; round++) {
        waits.push(expectError(await signIn(target.user.email, PASSWORD, attacker), 'RATE_LIMITED').extensions!.retryAfter);
        await endWait('signin_pair_tries', pair);
        expectError(await signIn(target.user.email, `after-wait-${round}`, attacker), 'UNAUTHENTICATED');
      }
      waits.push(expectError(await signIn(target.user.email, PASSWORD, attacker), 'RATE_LIMITED').extensions!.retryAfter);
      expect(waits).toEqual([1, 2, 4, 8]);

      // However many waits came before, none is longer than 15 minutes.
      await app.sql('UPDATE rate_limits SET points = 40 WHERE key = $1', [`signin_pair_level:${pair}`]);
      await endWait('signin_pair_tries', pair);
      expectError(await signIn(target.user.email, 'one-more-miss', attacker), 'UNAUTHENTICATED');
      expect(expectError(await signIn(target.user.email, PASSWORD, attacker), 'RATE_LIMITED').extensions!.retryAfter).toBe(ACCOUNT_LIMITS.maxBlockSeconds);

      // After the wait, the right password signs in and ends the run: five free tries again.
      await endWait('signin_pair_tries', pair);
      expect((await signIn(target.user.email, PASSWORD, attacker)).errors).toBeUndefined();
      for (let i = 0; i < 5; i++) expectError(await signIn(target.user.email, `fresh-miss-${i}`, attacker), 'UNAUTHENTICATED');
      expectError(await signIn(target.user.email, PASSWORD, attacker), 'RATE_LIMITED');
    });

    it('a success clears the misses of its address: four misses, a success, and five more misses are all checked', async () => {
      const target = await signUpAndConfirm(app, { email: 'clumsy@example.org', name: 'Cal Clumsy', password: PASSWORD, workspaceName: 'Clumsy desk' }, from(newAddress()));
      const address = newAddress();
      for (let i = 0; i < 4; i++) expectError(await signIn(target.user.email, `typo-${i}`, address), 'UNAUTHENTICATED');
      expect((await signIn(target.user.email, PASSWORD, address)).errors).toBeUndefined();
      for (let i = 0; i < 5; i++) expectError(await signIn(target.user.email, `typo-again-${i}`, address), 'UNAUTHENTICATED');
    });

    it('one address trying 20 accounts is refused the 21st, while others sign in', async () => {
      const address = newAddress();
      for (let i = 0; i < ACCOUNT_LIMITS.perAddress.points; i++) expectError(await signIn(`sprayed-${i}@example.org`, 'Summer2024!!', address), 'UNAUTHENTICATED');
      const error = expectError(await signIn('sprayed-last@example.org', 'Summer2024!!', address), 'RATE_LIMITED');
      expect(error.extensions!.retryAfter).toBeGreaterThan(ACCOUNT_LIMITS.perAddress.seconds - 60);
      expect(error.extensions!.retryAfter).toBeLessThanOrEqual(ACCOUNT_LIMITS.perAddress.seconds);
      expectError(await signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD, address), 'RATE_LIMITED');
      expect((await signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD, newAddress())).errors).toBeUndefined();
    });

    it('an account tried 100 times in a day from many addresses is refused the next try from anywhere', async () => {
      const email = 'distributed@example.org';
      // The day's 100 tries, from as many addresses, stand in the counter; a try adds the 101st.
      await app.sql('INSERT INTO rate_limits (key, points, expire) VALUES ($1, $2, (extract(epoch FROM now()) * 1000)::bigint + 3600000)', [
        `signin_account:${keyOf(email)}`,
        ACCOUNT_LIMITS.perAccount.points,
      ]);
      const error = expectError(await signIn(email, 'guess', newAddress()), 'RATE_LIMITED');
      expect(error.extensions!.retryAfter).toBeGreaterThan(3500);
      expect(error.extensions!.retryAfter).toBeLessThanOrEqual(3600);
    });
  });

  describe('changePassword throttling', () => {
    it('5 wrong current passwords, then RATE_LIMITED even for the right one: the password is not checked and stays', async () => {
      const account = await signUpAndConfirm(app, { email: 'session-thief@example.org', name: 'Sid Stolen', password: PASSWORD, workspaceName: 'Stolen desk' }, from(newAddress()));
      const change = (currentPassword: string) =>
        app.request({ query: Q.changePassword, variables: { input: { currentPassword, newPassword: 'chosen-by-the-thief' } }, token: account.token });
      const [before] = await app.sql('SELECT password_hash FROM users WHERE id = $1', [account.user.id]);
      const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => change(`guess-${i}`)));
      expect(burst.map(codeOf).filter((c) => c === 'BAD_USER_INPUT')).toHaveLength(ACCOUNT_LIMITS.freeFailures);
      expect(burst.map(codeOf).filter((c) => c === 'RATE_LIMITED')).toHaveLength(12 - ACCOUNT_LIMITS.freeFailures);
      const error = expectError(await change(PASSWORD), 'RATE_LIMITED');
      expect(error.extensions!.retryAfter).toBeGreaterThanOrEqual(1);
      expect(await app.sql('SELECT password_hash FROM users WHERE id = $1', [account.user.id])).toEqual([before]);
      expect((await app.request({ query: Q.me, token: account.token })).data!.me.user.id).toBe(account.user.id);
      // The person is not locked out of signing in by it.
      expect((await signIn(account.user.email, PASSWORD, newAddress())).errors).toBeUndefined();
    });
  });

  describe('mail links stay with their recipients', () => {
    it("the outbox shows an admin the invitation and the digest confirmation, without their working tokens; the .eml files keep them", async () => {
      const outboxBefore = app.outbox().length;
      const invited = await app.request({ query: Q.invite, variables: { input: { email: 'invitee@example.org', role: 'VIEWER' } }, token: app.tokens.owner });
      expect(invited.errors).toBeUndefined();
      const added = await app.request({ query: Q.addRecipient, variables: { input: { email: 'reader@example.org' } }, token: app.tokens.owner });
      expect(added.errors).toBeUndefined();
      const files = app.outbox().slice(outboxBefore).map(readMail);
      const invitationToken = linkIn(files.find((m) => m.to.includes('invitee@example.org'))!, '/invitations/accept').token;
      const confirmToken = linkIn(files.find((m) => m.to.includes('reader@example.org'))!, '/digests/confirm').token;

      const { data } = await app.request<{ outbox: { to: string; subject: string; raw: string }[] }>({ query: Q.outbox, token: app.tokens.owner });
      const shown = data!.outbox.filter((m) => ['invitee@example.org', 'reader@example.org'].includes(m.to));
      expect(shown.map((m) => m.to).sort()).toEqual(['invitee@example.org', 'reader@example.org']);
      const tokensShown: string[] = [];
      for (const message of shown) {
        expect(message.raw).not.toContain(invitationToken);
        expect(message.raw).not.toContain(confirmToken);
        const parsed = await simpleParser(message.raw);
        expect(parsed.subject).toBe(message.subject);
        expect(parsed.text).toMatch(/token=redacted/);
        for (const url of parsed.text!.match(/https?:\/\/\S+/g) ?? []) {
          const token = new URL(url).searchParams.get('token');
          if (token) tokensShown.push(token);
        }
      }
      expect(tokensShown).toEqual(['redacted', 'redacted']);
      // What the admin reads opens nothing…
      const counts = await rowCounts();
      expectError(await app.request({ query: Q.accept, variables: { input: { token: 'redacted', name: 'Admin Posing', password: PASSWORD } } }), 'BAD_USER_INPUT', 'token');
      expectError(await app.request({ query: Q.confirmRecipient, variables: { input: { token: 'redacted' } } }), 'BAD_USER_INPUT', 'token');
      expect(await rowCounts()).toEqual(counts);
      expect(await app.sql("SELECT confirmed_at FROM digest_subscriptions WHERE email = 'reader@example.org'")).toEqual([{ confirmed_at: null }]);
      // …what the recipients got does.
      expect((await app.request({ query: Q.confirmRecipient, variables: { input: { token: confirmToken } } })).errors).toBeUndefined();
      const accepted = await app.request({ query: Q.accept, variables: { input: { token: invitationToken, name: 'Ivy Invitee', password: PASSWORD } } });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptInvitation.membership.role).toBe('VIEWER');
    });

    it('an invitation accepted while signed in as another account is FORBIDDEN on token, and writes nothing', async () => {
      const outboxBefore = app.outbox().length;
      expect((await app.request({ query: Q.invite, variables: { input: { email: 'meant-for@example.org', role: 'ADMIN' } }, token: app.tokens.owner })).errors).toBeUndefined();
      const { token } = linkIn(app.outbox().slice(outboxBefore).map(readMail)[0], '/invitations/accept');
      const counts = await rowCounts();
      const memberships = await app.sql('SELECT workspace_id, user_id, role FROM memberships ORDER BY 1, 2');
      const error = expectError(await app.request({ query: Q.accept, variables: { input: { token } }, token: app.tokens.viewer }), 'FORBIDDEN', 'token');
      expect(error.message).toContain('meant-for@example.org');
      expect(await rowCounts()).toEqual(counts);
      expect(await app.sql('SELECT workspace_id, user_id, role FROM memberships ORDER BY 1, 2')).toEqual(memberships);
      expect(await app.sql("SELECT accepted_at FROM invitations WHERE email = 'meant-for@example.org'")).toEqual([{ accepted_at: null }]);
    });
  });
});
