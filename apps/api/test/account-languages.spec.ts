import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { CONFIRM_SIGN_UP, SIGN_UP } from './support/accounts';
import { expectError } from './support/expectations';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const Q = {
  me: 'query { me { user { id name locale } } }',
  updateProfile: 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id name locale } } }',
  requestReset: 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { done } }',
  invite: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
  accept: 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token membership { role } } }',
};
const PASSWORD = 'correct-horse-battery';
const PUBLIC_URL = 'https://pactwatch.example.org';

/*
 * The person's own profile (name, language) and the account emails in the recipient's language,
 * delivered over real SMTP to a sink in this process.
 */
describe('profile and the language of account emails', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let lastOctet = 0;
  // Each mail-sending call comes from an address of its own, clear of the mail limits per address.
  const fromNewAddress = () => ({ 'x-forwarded-for': `203.0.113.${++lastOctet}` });

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await app.close();
    await sink.close();
  });

  /** The one mail that reached this address while `fn` ran. */
  const mailedTo = async (address: string, fn: () => Promise<unknown>) => {
    const before = (await sink.parsed()).length;
    await fn();
    const mails = (await sink.parsed()).slice(before).filter((m) => m.envelopeTo.includes(address.toLowerCase()));
    expect(mails).toHaveLength(1);
    return { subject: mails[0].subject ?? '', text: mails[0].text ?? '' };
  };
  const tokenIn = (text: string, path: string) => {
    const url = text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname === path);
    expect(url?.origin).toBe(PUBLIC_URL);
    return url!.searchParams.get('token')!;
  };

  describe('updateProfile', () => {
    let token: string;
    beforeAll(async () => {
      token = await app.signIn(DEMO_USERS.viewer.email, DEMO_PASSWORD);
    });

    it('sets a person’s own name and language; a field left out stays as it was', async () => {
      const res = await app.request({ query: Q.updateProfile, variables: { input: { name: '  Vera Viewer  ', locale: 'es' } }, token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateProfile.user).toMatchObject({ name: 'Vera Viewer', locale: 'es' });
      const only = await app.request({ query: Q.updateProfile, variables: { input: { locale: 'en' } }, token });
      expect(only.data!.updateProfile.user).toMatchObject({ name: 'Vera Viewer', locale: 'en' });
      const me = await app.request({ query: Q.me, token });
      expect(me.data!.me.user).toMatchObject({ name: 'Vera Viewer', locale: 'en' });
    });

    it.each([
      ['an empty name', { name: '   ' }, 'name'],
      ['an oversized name', { name: 'x'.repeat(201) }, 'name'],
      ['a name with a control character', { name: 'Vera\u0000Viewer' }, 'name'],
      ['a language that is not en or es', { locale: 'fr' }, 'locale'],
      ['an empty language', { locale: '' }, 'locale'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and changes nothing', async (_what, input, field) => {
      const [before] = await app.sql('SELECT name, locale FROM users WHERE lower(email) = $1', [DEMO_USERS.viewer.email]);
      const res = await app.request({ query: Q.updateProfile, variables: { input: { name: 'Someone Else', ...input } }, token });
      expectError(res, 'BAD_USER_INPUT', field);
      const [after] = await app.sql('SELECT name, locale FROM users WHERE lower(email) = $1', [DEMO_USERS.viewer.email]);
      expect(after).toEqual(before);
    });

    it('is for signed-in people only: anonymous callers are UNAUTHENTICATED, API keys FORBIDDEN', async () => {
      expectError(await app.request({ query: Q.updateProfile, variables: { input: { name: 'Nobody' } }, token: null }), 'UNAUTHENTICATED');
      expectError(await app.request({ query: Q.updateProfile, variables: { input: { name: 'A key' } }, token: app.tokens.readKey }), 'FORBIDDEN');
    });
  });

  describe('sign-up', () => {
    it('in Spanish: the confirmation mail is in Spanish, and the account it creates keeps Spanish', async () => {
      const email = 'lucia.nueva@example.org';
      const input = { email, name: 'Lucía Nueva', password: PASSWORD, workspaceName: 'Seguimiento CDMX', locale: 'es' };
      const mail = await mailedTo(email, () => app.request({ query: SIGN_UP, variables: { input }, headers: fromNewAddress() }));
      expect(mail.subject).toBe('Confirme su nueva cuenta de Pactwatch');
      expect(mail.text).toContain('Hola, Lucía Nueva');
      expect(mail.text).toContain('«Seguimiento CDMX»');
      const confirmed = await app.request({ query: CONFIRM_SIGN_UP, variables: { input: { token: tokenIn(mail.text, '/sign-up/confirm') } } });
      expect(confirmed.errors).toBeUndefined();
      const me = await app.request({ query: Q.me, token: confirmed.data!.confirmSignUp.token });
      expect(me.data!.me.user.locale).toBe('es');

      // Signing up again with the address: the note goes out in the account's language, whatever the form's.
      const again = await mailedTo(email, () => app.request({ query: SIGN_UP, variables: { input: { ...input, locale: 'en' } }, headers: fromNewAddress() }));
      expect(again.subject).toBe('Alguien intentó crear una cuenta de Pactwatch con su dirección');
    });

    it('without a language: English, as before', async () => {
      const email = 'plain.english@example.org';
      const input = { email, name: 'Plain English', password: PASSWORD, workspaceName: 'Plain team' };
      const mail = await mailedTo(email, () => app.request({ query: SIGN_UP, variables: { input }, headers: fromNewAddress() }));
      expect(mail.subject).toBe('Confirm your new Pactwatch account');
    });

    it('refuses a language other than en or es, naming locale, and mails nothing', async () => {
      const before = sink.accepted;
      const input = { email: 'fr@example.org', name: 'Français', password: PASSWORD, workspaceName: 'Équipe', locale: 'fr' };
      expectError(await app.request({ query: SIGN_UP, variables: { input }, headers: fromNewAddress() }), 'BAD_USER_INPUT', 'locale');
      expect(sink.accepted).toBe(before);
      expect(await app.sql('SELECT 1 FROM sign_up_requests WHERE email = $1', ['fr@example.org'])).toHaveLength(0);
    });
  });

  describe('password reset', () => {
    it("is mailed in the account's language, whatever the request asks", async () => {
      const token = await app.signIn(DEMO_USERS.analyst.email, DEMO_PASSWORD);
      await app.request({ query: Q.updateProfile, variables: { input: { locale: 'es' } }, token });
      const mail = await mailedTo(DEMO_USERS.analyst.email, () =>
        app.request({ query: Q.requestReset, variables: { input: { email: DEMO_USERS.analyst.email, locale: 'en' } }, headers: fromNewAddress() }),
      );
      expect(mail.subject).toBe('Restablezca su contraseña de Pactwatch');
      expect(tokenIn(mail.text, '/reset-password').length).toBeGreaterThan(20);
      await app.request({ query: Q.updateProfile, variables: { input: { locale: 'en' } }, token });
      const english = await mailedTo(DEMO_USERS.analyst.email, () =>
        app.request({ query: Q.requestReset, variables: { input: { email: DEMO_USERS.analyst.email, locale: 'es' } }, headers: fromNewAddress() }),
      );
      expect(english.subject).toBe('Reset your Pactwatch password');
    });

    it('to an address with no account: in the language it was asked in, with no link', async () => {
      const email = 'nadie@example.org';
      const mail = await mailedTo(email, () => app.request({ query: Q.requestReset, variables: { input: { email, locale: 'es' } }, headers: fromNewAddress() }));
      expect(mail.text).toContain('ninguna cuenta de Pactwatch la usa');
      expect(mail.text).not.toMatch(/https?:\/\//);
    });
  });

  describe('invitations', () => {
    const invite = (input: Record<string, unknown>, token = app.tokens.owner) => app.request({ query: Q.invite, variables: { input }, token });

    it('go out in the language the inviter picks', async () => {
      const mail = await mailedTo('elegido@example.org', () => invite({ email: 'elegido@example.org', role: 'ANALYST', locale: 'es' }));
      expect(mail.subject).toMatch(/ le invita a .* en Pactwatch$/);
      expect(mail.text).toContain('como analista');
      expect(tokenIn(mail.text, '/invitations/accept').length).toBeGreaterThan(20);
    });

    it("without a pick: in the invitee's own language when they have an account, else in the inviting person's", async () => {
      // An account in Spanish, invited by an owner who writes in English.
      const lucia = await app.signIn('lucia.nueva@example.org', PASSWORD);
      expect((await app.request({ query: Q.me, token: lucia })).data!.me.user.locale).toBe('es');
      const toAccount = await mailedTo('lucia.nueva@example.org', () => invite({ email: 'lucia.nueva@example.org', role: 'VIEWER' }));
      expect(toAccount.subject).toMatch(/ le invita a /);

      const toNewEnglish = await mailedTo('new.english@example.org', () => invite({ email: 'new.english@example.org', role: 'VIEWER' }));
      expect(toNewEnglish.subject).toMatch(/ invites you to /);

      await app.request({ query: Q.updateProfile, variables: { input: { locale: 'es' } }, token: app.tokens.owner });
      try {
        const toNewFromSpanish = await mailedTo('nuevo@example.org', () => invite({ email: 'nuevo@example.org', role: 'VIEWER' }));
        expect(toNewFromSpanish.subject).toMatch(/ le invita a /);
        expect(toNewFromSpanish.text).toContain('como lector');
      } finally {
        await app.request({ query: Q.updateProfile, variables: { input: { locale: 'en' } }, token: app.tokens.owner });
      }
    });

    it('an account made by accepting keeps the language it was accepted in', async () => {
      const mail = await mailedTo('acepta@example.org', () => invite({ email: 'acepta@example.org', role: 'ANALYST', locale: 'es' }));
      const res = await app.request({
        query: Q.accept,
        variables: { input: { token: tokenIn(mail.text, '/invitations/accept'), name: 'Ana Acepta', password: PASSWORD, locale: 'es' } },
      });
      expect(res.errors).toBeUndefined();
      const me = await app.request({ query: Q.me, token: res.data!.acceptInvitation.token });
      expect(me.data!.me.user).toMatchObject({ name: 'Ana Acepta', locale: 'es' });
    });

    it('refuse a language other than en or es, naming locale, and mail nothing', async () => {
      const before = sink.accepted;
      expectError(await invite({ email: 'fr@example.org', role: 'VIEWER', locale: 'fr' }), 'BAD_USER_INPUT', 'locale');
      expect(sink.accepted).toBe(before);
      expect(await app.sql('SELECT 1 FROM invitations WHERE email = $1', ['fr@example.org'])).toHaveLength(0);
    });
  });
});
