import { randomUUID } from 'node:crypto';
import { DigestCadence, latestPeriod, localParts } from '@pactwatch/domain';
import { ParsedMail, simpleParser } from 'mailparser';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { DIGEST_QUEUE, DigestRunnerService } from '../src/modules/digests/digest-runner.service';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { addMember, insertStatusChange, Member, outline, sleep, subscribe, untilTheMinuteEnds, WORKSPACE } from './support/digests';
import { signUpAndConfirm } from './support/accounts';
import { expectError } from './support/expectations';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const C = SEED_IDS.commitments;
const TALKS = 'US–Mexico migration talks (Mayorkas and Blinken with Mexican counterparts)';
const TITLES = {
  mxSmuggling: 'Mexico to crack down on human smuggling',
  mxHumaneBorder: 'Mexico to manage the border humanely, including repatriation of migrants',
  usCbpCrackdown: 'CBP crackdown on human smugglers and legal consequences for illegal entry',
  usRepatriationFlights: 'DHS/ICE repatriation flights to Central America and Venezuela',
};
const ANTI_SMUGGLING_THEME = '00000000-0000-4000-8000-000000000401';
const CBP = '00000000-0000-4000-8000-000000000203';
const PUBLIC_URL = 'https://pactwatch.example.org';
const MINUTE = 60_000;

const Q = {
  watch: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id subjectType subjectId } } }',
  watchFilter: 'mutation($input: WatchFilterInput!) { watchFilter(input: $input) { watch { id subjectType subjectId name filter } } }',
  unwatch: 'mutation($input: UnwatchInput!) { unwatch(input: $input) { removedWatchId } }',
  myWatches: 'query { me { watches { id subjectType subjectId name filter } } }',
  watched: 'query($id: ID!) { commitment(id: $id) { watched } }',
  mySubscription: 'query { myDigestSubscription { id cadence hour weekday timeZone locale confirmed unsubscribed coveredUntil } }',
  updateMine: `mutation($input: DigestScheduleInput!) { updateMyDigestSubscription(input: $input) {
    subscription { id cadence hour weekday timeZone locale confirmed unsubscribed } } }`,
  preview: 'query { digestPreview { subject html text itemCount windowStart windowEnd } }',
  run: 'mutation { runDigests { scheduled sent empty failed } }',
  deliveries: 'query($first: Int!) { digestDeliveries(first: $first) { id subscriptionId recipient status attempts lastError itemCount windowStart periodEnd finishedAt acceptedAt smtpResponse messageId } }',
  outbox: 'query($first: Int!) { outbox(first: $first) { file to subject date raw } }',
  addRecipient: `mutation($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) {
    subscription { id email cadence filter confirmed unsubscribed } } }`,
  recipients: 'query { digestRecipients { id email confirmed unsubscribed } }',
  removeRecipient: 'mutation($input: RemoveDigestRecipientInput!) { removeDigestRecipient(input: $input) { removedSubscriptionId } }',
  changeStatus: `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) {
    commitment { id status version } statusChange { id evidence { id url title } } } }`,
  recordObservation: 'mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id value } } }',
  addComment: 'mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }',
  createAgreement: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id title } } }',
  createCommitment: 'mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id title version } } }',
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  invite: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
  requestReset: 'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { done } }',
};

type Mail = ParsedMail & { envelopeTo: string[] };

/** Runs an operation that must succeed, with this token, and returns its data. */
async function ok(app: TestApp, token: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await app.request({ query, variables, token });
  expect(res.errors).toBeUndefined();
  return res.data as Record<string, any>;
}

async function changeStatus(app: TestApp, token: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  const { commitment } = await ok(app, token, Q.version, { id: input.commitmentId });
  return (await ok(app, token, Q.changeStatus, { input: { expectedVersion: commitment.version, ...input } })).changeCommitmentStatus;
}

/** The header lines as they arrived (unfolded), by lower-case name. */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]+:\s*/, '');
}

/** The link of a List-Unsubscribe header, as sent. */
function unsubscribeUrl(mail: ParsedMail): string {
  return /^<([^>]+)>$/.exec(rawHeader(mail, 'List-Unsubscribe')!)![1];
}

/** Every distinct address into Pactwatch (PUBLIC_URL) a part of an email holds. */
function appLinks(part: string): string[] {
  return [...new Set([...part.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0].replace(/&amp;/g, '&')).filter((url) => url.startsWith(PUBLIC_URL)))];
}

/** The token-carrying link of a List-Unsubscribe header, pointed at the running app. */
function unsubscribeLink(mail: ParsedMail, app: TestApp): URL {
  const header = rawHeader(mail, 'List-Unsubscribe')!;
  const url = new URL(/^<([^>]+)>$/.exec(header)![1]);
  return new URL(`${url.pathname}${url.search}`, app.url);
}

describe('email digests over a real SMTP server', () => {
  let sink: SmtpSink;
  let app: TestApp;
  const mailsTo = async (address: string): Promise<Mail[]> => (await sink.parsed()).filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  const digestsTo = async (address: string) => (await mailsTo(address)).filter((m) => m.messageId?.startsWith('<digest.'));

  // Members beside the demo owner (figures), analyst (one commitment) and viewer (Spanish).
  let agreementWatcher: Member;
  let partyWatcher: Member;
  let themeWatcher: Member;
  let filterWatcher: Member;
  let quietWatcher: Member;
  let secondCommitmentId: string;
  const NOTE = 'Raids on smuggling networks in Chiapas <script>alert(1)</script> & "more" to come';
  const SOURCE = { url: 'https://www.gob.mx/sre/prensa/operativo?lang=es&page=2', title: 'SRE: <b>raids</b> on smugglers' };
  const STAKEHOLDER = 'stakeholder@example.org';

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestApp({ SMTP_URL: sink.url, DIGEST_POLL_SECONDS: '0', DIGEST_GRACE_SECONDS: '0', PUBLIC_URL });
    agreementWatcher = await addMember(app, 'agreement.watcher@example.org', { signIn: true });
    partyWatcher = await addMember(app, 'party.watcher@example.org', { signIn: true });
    themeWatcher = await addMember(app, 'theme.watcher@example.org', { signIn: true });
    filterWatcher = await addMember(app, 'filter.watcher@example.org', { signIn: true });
    quietWatcher = await addMember(app, 'quiet.watcher@example.org', { signIn: true });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  }, 30_000);

  describe('watching', () => {
    it('members watch a commitment, an agreement, a party, a theme or a saved filter, and me lists it', async () => {
      const t = app.tokens;
      const mine = (await ok(app, t.analyst, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling } })).watch;
      expect(mine.watch).toMatchObject({ subjectType: 'COMMITMENT', subjectId: C.mxSmuggling });
      // Watching again answers the same watch.
      expect((await ok(app, t.analyst, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling } })).watch.watch.id).toBe(mine.watch.id);
      expect((await ok(app, t.analyst, Q.myWatches)).me.watches).toEqual([
        { id: mine.watch.id, subjectType: 'COMMITMENT', subjectId: C.mxSmuggling, name: null, filter: null },
      ]);
      expect((await ok(app, t.analyst, Q.watched, { id: C.mxSmuggling })).commitment.watched).toBe(true);
      expect((await ok(app, t.analyst, Q.watched, { id: C.mxHumaneBorder })).commitment.watched).toBe(false);

      await ok(app, agreementWatcher.token, Q.watch, { input: { subjectType: 'AGREEMENT', subjectId: SEED_IDS.agreements.migrationTalks } });
      await ok(app, partyWatcher.token, Q.watch, { input: { subjectType: 'PARTY', subjectId: SEED_IDS.parties.MX } });
      await ok(app, themeWatcher.token, Q.watch, { input: { subjectType: 'THEME', subjectId: ANTI_SMUGGLING_THEME } });
      const saved = await ok(app, filterWatcher.token, Q.watchFilter, { input: { name: ' In progress ', filter: { status: ['IN_PROGRESS'] } } });
      expect(saved.watchFilter.watch).toMatchObject({ subjectType: 'VIEW', subjectId: expect.any(String), name: 'In progress', filter: { status: ['IN_PROGRESS'] } });
      expect((await ok(app, filterWatcher.token, Q.myWatches)).me.watches).toHaveLength(1);

      // The quiet member watches a commitment nothing happens to, and stopped watching one that changes.
      await ok(app, quietWatcher.token, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.jointStatement } });
      const dropped = (await ok(app, quietWatcher.token, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxHumaneBorder } })).watch.watch;
      expect((await ok(app, quietWatcher.token, Q.unwatch, { input: { watchId: dropped.id } })).unwatch.removedWatchId).toBe(dropped.id);
      expect((await ok(app, quietWatcher.token, Q.myWatches)).me.watches.map((w: any) => w.subjectId)).toEqual([C.jointStatement]);

      // Viewers may watch too: the demo viewer reads Spanish; the owner follows the repatriation flights' figures.
      await ok(app, t.viewer, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxHumaneBorder } });
      await ok(app, t.owner, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.usRepatriationFlights } });
    });

    it('a first watch subscribes the member daily at 08:00 UTC; each chooses their cadence and language', async () => {
      expect((await ok(app, app.tokens.analyst, Q.mySubscription)).myDigestSubscription).toMatchObject({
        cadence: 'DAILY',
        hour: 8,
        timeZone: 'UTC',
        locale: 'en',
        confirmed: true,
        unsubscribed: false,
      });
      const tokens = [app.tokens.analyst, app.tokens.owner, app.tokens.viewer, ...[agreementWatcher, partyWatcher, themeWatcher, filterWatcher, quietWatcher].map((m) => m.token)];
      for (const token of tokens) {
        const res = await ok(app, token, Q.updateMine, { input: { cadence: 'INSTANT', ...(token === app.tokens.viewer ? { locale: 'es' } : {}) } });
        expect(res.updateMyDigestSubscription.subscription).toMatchObject({ cadence: 'INSTANT', unsubscribed: false });
      }
      expect((await ok(app, app.tokens.viewer, Q.mySubscription)).myDigestSubscription).toMatchObject({ cadence: 'INSTANT', locale: 'es' });
      const bad = await app.request({ query: Q.updateMine, variables: { input: { timeZone: 'Mars/Olympus_Mons' } }, token: app.tokens.analyst });
      expectError(bad, 'BAD_USER_INPUT', 'timeZone');
    });
  });

  let confirmLink: URL;

  describe('an outside recipient, before confirming', () => {
    it('addDigestRecipient (by an admin) mails a confirmation link to the address', async () => {
      const res = await ok(app, app.tokens.owner, Q.addRecipient, { input: { email: ` ${STAKEHOLDER.toUpperCase()} `, cadence: 'INSTANT', filter: { partyCodes: ['MX'] } } });
      expect(res.addDigestRecipient.subscription).toMatchObject({ email: STAKEHOLDER, cadence: 'INSTANT', confirmed: false, filter: { partyCodes: ['MX'] } });
      const [confirmation, ...more] = await mailsTo(STAKEHOLDER);
      expect(more).toHaveLength(0);
      expect(confirmation.subject).toBe('Confirm your Pactwatch digest of US–Mexico migration talks');
      expect(confirmation.text).toContain('Olivia Owner signed you up for email digests of US–Mexico migration talks');
      const link = new URL(/https?:\/\/\S+\/digests\/confirm\?token=\S+/.exec(confirmation.text!)![0]);
      expect(link.origin).toBe(PUBLIC_URL);
      confirmLink = new URL(`${link.pathname}${link.search}`, app.url);
      // The same address twice is a CONFLICT.
      expectError(await app.request({ query: Q.addRecipient, variables: { input: { email: STAKEHOLDER } }, token: app.tokens.owner }), 'CONFLICT', 'email');
    });

    it('opening the link (GET) shows a button and confirms nothing; a wrong token is refused', async () => {
      const page = await fetch(confirmLink);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<form method="post">/);
      expect((await ok(app, app.tokens.owner, Q.recipients)).digestRecipients).toEqual([expect.objectContaining({ email: STAKEHOLDER, confirmed: false })]);
      const wrong = new URL(confirmLink);
      wrong.searchParams.set('token', `${confirmLink.searchParams.get('token')}x`);
      expect((await fetch(wrong, { method: 'POST' })).status).toBe(400);
      expect((await ok(app, app.tokens.owner, Q.recipients)).digestRecipients[0].confirmed).toBe(false);
    });
  });

  describe('the first period', () => {
    it('changes happen: statuses (one with a hostile note and a new source), a figure, a commitment of another agreement', async () => {
      const t = app.tokens;
      const changed = await changeStatus(app, t.analyst, { commitmentId: C.mxSmuggling, status: 'IN_PROGRESS', note: NOTE, newEvidence: [SOURCE] });
      expect(changed.statusChange.evidence).toEqual([expect.objectContaining(SOURCE)]);
      await changeStatus(app, t.analyst, { commitmentId: C.mxHumaneBorder, status: 'STALLED', reasonCode: 'CAPACITY', note: 'Shelters in Tapachula are full.' });
      await ok(app, t.analyst, Q.recordObservation, { input: { indicatorId: SEED_IDS.indicators.deportations, value: 475000, asOf: '2024-01-15' } });

      const agreement = await ok(app, t.owner, Q.createAgreement, {
        input: { title: 'US–Mexico high-level security dialogue', kind: 'DIALOGUE', partyCodes: ['US', 'MX'], heldOn: '2024-01-10' },
      });
      const secondAgreementId = agreement.createAgreement.agreement.id;
      const commitment = await ok(app, t.owner, Q.createCommitment, {
        input: {
          agreementId: secondAgreementId,
          title: 'CBP to publish monthly smuggling-arrest figures',
          description: 'Monthly figures of arrests of smugglers at the southern border.',
          partyCodes: ['US'],
          themes: ['border-enforcement'],
          ownerOrganizationId: CBP,
          priority: 'MEDIUM',
        },
      });
      secondCommitmentId = commitment.createCommitment.commitment.id;
      await changeStatus(app, t.owner, { commitmentId: secondCommitmentId, status: 'IN_PROGRESS', note: 'The first monthly release is out.' });
    });

    it('digestPreview shows a member what they would get now, limited to what they watch; viewers may preview', async () => {
      const { digestPreview } = await ok(app, app.tokens.analyst, Q.preview);
      expect(digestPreview.itemCount).toBe(1);
      expect(digestPreview.subject).toBe('US–Mexico migration talks: 1 status change');
      expect(digestPreview.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(digestPreview.html).not.toContain('<script');
      expect(digestPreview.text).toContain(NOTE);
      expect(digestPreview.text).not.toContain(TITLES.mxHumaneBorder);
      expect(new Date(digestPreview.windowEnd).getTime()).toBeGreaterThan(new Date(digestPreview.windowStart).getTime());

      const viewer = (await ok(app, app.tokens.viewer, Q.preview)).digestPreview;
      expect(viewer).toMatchObject({ itemCount: 1, subject: 'US–Mexico migration talks: 1 cambio de estado' });
      expect((await ok(app, quietWatcher.token, Q.preview)).digestPreview.itemCount).toBe(0);
      // Nothing was sent by previewing.
      expect(await app.sql('SELECT 1 FROM digest_deliveries')).toHaveLength(0);
    });

    it('once the period has ended, runDigests claims a delivery per subscriber and sends those with something to report', async () => {
      await untilTheMinuteEnds();
      const { runDigests } = await ok(app, app.tokens.owner, Q.run);
      // owner, analyst, viewer and the five members; the outside recipient is not confirmed yet.
      expect(runDigests).toEqual({ scheduled: 8, sent: 7, empty: 1, failed: 0 });
    }, 120_000);

    it("sends the analyst exactly one message: subject, both parts, the change with its note escaped, actor, source and links", async () => {
      const [mail, ...more] = await digestsTo(DEMO_USERS.analyst.email);
      expect(more).toHaveLength(0);
      expect(mail.subject).toBe('US–Mexico migration talks: 1 status change');
      expect(mail.from?.value).toEqual([{ name: 'Pactwatch', address: 'no-reply@pactwatch.test' }]);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : null).toEqual([DEMO_USERS.analyst.email]);
      expect(typeof mail.html).toBe('string');
      expect(typeof mail.text).toBe('string');
      const html = mail.html as string;
      const text = mail.text!;

      // The note: escaped in HTML, verbatim in text.
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toContain('<b>raids</b>');
      expect(html).toContain('Raids on smuggling networks in Chiapas &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot; to come');
      expect(text).toContain(`“${NOTE}”`);
      // Old → new status, and who changed it.
      expect(html).toContain('Announced &rarr; In progress');
      // The day it happened (today, as the change did not say otherwise), then who recorded it and when.
      expect(text).toMatch(/^ {2}Announced → In progress on [A-Z][a-z]{2} \d{1,2}, \d{4} \(changed by Ana Analyst, /m);
      expect(html).toContain('changed by Ana Analyst');
      // The new source given with the change, linked, with its stance (and listed once: not again as a "new source").
      expect(html).toContain(`<a href="https://www.gob.mx/sre/prensa/operativo?lang=es&amp;page=2" style="color:#1c5db5;">SRE: &lt;b&gt;raids&lt;/b&gt; on smugglers</a>`);
      expect(html).toContain('&middot; Supports</span>');
      expect(text).toContain(`    - ${SOURCE.title} (Supports) <${SOURCE.url}>`);
      expect(text).not.toContain('New source');
      // Grouped under the agreement, with a link to the commitment in the web client.
      expect(outline(text)).toEqual({ [TALKS]: [TITLES.mxSmuggling] });
      expect(html.indexOf(TALKS)).toBeLessThan(html.indexOf(TITLES.mxSmuggling));
      expect(html).toContain(`<a href="${PUBLIC_URL}/commitments/${C.mxSmuggling}"`);
      expect(text).toContain(`  Open in Pactwatch: ${PUBLIC_URL}/commitments/${C.mxSmuggling}`);
      // Nothing the analyst does not watch.
      expect(text).not.toContain(TITLES.mxHumaneBorder);
      expect(text).not.toContain('CBP to publish monthly');
    });

    it('carries List-Unsubscribe with a signed https link and List-Unsubscribe-Post: One-Click (RFC 8058), also in the body', async () => {
      const [mail] = await digestsTo(DEMO_USERS.analyst.email);
      const header = rawHeader(mail, 'List-Unsubscribe')!;
      expect(header).toMatch(new RegExp(`^<${PUBLIC_URL.replace(/\./g, '\\.')}/unsubscribe\\?token=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}>$`));
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const url = /^<([^>]+)>$/.exec(header)![1];
      expect(mail.text).toContain(`Unsubscribe: ${url}`);
      expect(mail.html).toContain(`href="${url}"`);
      const [sub] = await app.sql('SELECT id FROM digest_subscriptions WHERE user_id = $1', [DEMO_USERS.analyst.id]);
      expect(new URL(url).searchParams.get('token')!.startsWith(`${sub.id}.`)).toBe(true);
    });

    it('selects by watch kind: the agreement, the party (MX), the theme and the saved filter each get their commitments only', async () => {
      const only = async (m: Member) => {
        const list = await digestsTo(m.email);
        expect(list).toHaveLength(1);
        return list[0];
      };
      const agreement = await only(agreementWatcher);
      expect(agreement.subject).toBe('US–Mexico migration talks: 2 status changes, 1 figure moved');
      expect(outline(agreement.text!)).toEqual({ [TALKS]: [TITLES.mxSmuggling, TITLES.mxHumaneBorder, TITLES.usRepatriationFlights] });

      const party = await only(partyWatcher);
      expect(party.subject).toBe('US–Mexico migration talks: 2 status changes');
      expect(outline(party.text!)).toEqual({ [TALKS]: [TITLES.mxSmuggling, TITLES.mxHumaneBorder] });

      const theme = await only(themeWatcher);
      expect(theme.subject).toBe('US–Mexico migration talks: 1 status change');
      expect(outline(theme.text!)).toEqual({ [TALKS]: [TITLES.mxSmuggling] });

      // The filter is of the commitments' status now: in progress, whichever agreement; the stalled one is out.
      const filter = await only(filterWatcher);
      expect(filter.subject).toBe('US–Mexico migration talks: 2 status changes, 1 figure moved');
      expect(outline(filter.text!)).toEqual({
        [TALKS]: [TITLES.mxSmuggling, TITLES.usRepatriationFlights],
        'US–Mexico high-level security dialogue': ['CBP to publish monthly smuggling-arrest figures'],
      });
      expect(filter.html).toContain(`${PUBLIC_URL}/commitments/${secondCommitmentId}`);
    });

    it('reports a figure that moved, old → new value', async () => {
      const [mail, ...more] = await digestsTo(DEMO_USERS.owner.email);
      expect(more).toHaveLength(0);
      expect(mail.subject).toBe('US–Mexico migration talks: 1 figure moved');
      expect(mail.text).toContain('  Figure: Migrants deported since 2023-05-12: 460,000 → 475,000 people (2024-01-15)');
      expect(mail.html).toContain('Migrants deported since 2023-05-12: <strong>460,000 &rarr; 475,000</strong> people');
      expect(outline(mail.text!)).toEqual({ [TALKS]: [TITLES.usRepatriationFlights] });
    });

    it('writes in Spanish to a subscriber whose language is es', async () => {
      const [mail, ...more] = await digestsTo(DEMO_USERS.viewer.email);
      expect(more).toHaveLength(0);
      expect(mail.subject).toBe('US–Mexico migration talks: 1 cambio de estado');
      expect(mail.text).toContain('Lo que cambió en US–Mexico migration talks del ');
      expect(mail.text).toMatch(/^ {2}Anunciado → Estancado el \d{1,2} [a-z]{3,4}\.? \d{4} \(cambiado por Ana Analyst, /m);
      expect(mail.text).toContain('    Motivo: Falta de capacidad');
      expect(mail.html).toContain('Motivo: Falta de capacidad');
      expect(mail.text).toContain('“Shelters in Tapachula are full.”');
      expect(mail.text).toContain(`  Abrir en Pactwatch: ${PUBLIC_URL}/commitments/${C.mxHumaneBorder}`);
      expect(mail.text).toContain('Cancelar suscripción: ');
      expect(mail.html).toContain('<html lang="es">');
      expect(mail.html).toContain('Anunciado &rarr; Estancado');
    });

    it('sends nothing to a member with nothing to report (what they stopped watching included): the delivery is EMPTY', async () => {
      expect(await mailsTo(quietWatcher.email)).toHaveLength(0);
      const { digestDeliveries } = await ok(app, app.tokens.owner, Q.deliveries, { first: 50 });
      expect(digestDeliveries.filter((d: any) => d.recipient === quietWatcher.email)).toEqual([
        expect.objectContaining({ status: 'EMPTY', itemCount: 0, attempts: 1, lastError: null }),
      ]);
      const sent = digestDeliveries.filter((d: any) => d.status === 'SENT');
      expect(sent).toHaveLength(7);
      expect(sent.find((d: any) => d.recipient === DEMO_USERS.analyst.email)).toMatchObject({ itemCount: 1, attempts: 1 });
      // Each SENT one records the server's acceptance: when, its 250 answer, and the Message-ID every copy would carry.
      for (const d of sent) expect(d).toMatchObject({ acceptedAt: expect.any(String), smtpResponse: expect.stringMatching(/^250/), messageId: `<digest.${d.id}@pactwatch>` });
      expect(digestDeliveries.filter((d: any) => d.status === 'EMPTY').every((d: any) => d.acceptedAt === null && d.messageId === null)).toBe(true);
    });

    it('running the digests again for the same period (twice at once) sends nothing more', async () => {
      const before = sink.accepted;
      const runs = await Promise.all([ok(app, app.tokens.owner, Q.run), ok(app, app.tokens.owner, Q.run)]);
      for (const { runDigests } of runs) expect(runDigests).toMatchObject({ sent: 0, failed: 0 });
      expect(sink.accepted).toBe(before);
      const per = await app.sql(
        `SELECT subscription_id, count(*)::int AS n FROM digest_deliveries WHERE status = 'SENT' GROUP BY subscription_id HAVING count(*) > 1`,
      );
      expect(per).toEqual([]);
      expect(await digestsTo(DEMO_USERS.analyst.email)).toHaveLength(1);
    });
  });

  describe('an outside recipient, after the first run', () => {
    it('got nothing from the first run, and is confirmed by the POST of that page, without signing in', async () => {
      expect(await digestsTo(STAKEHOLDER)).toHaveLength(0);
      expect(await app.sql('SELECT 1 FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id WHERE s.email = $1', [STAKEHOLDER])).toHaveLength(0);
      const res = await fetch(confirmLink, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Confirmed: your Pactwatch digests will arrive as scheduled.');
      expect((await ok(app, app.tokens.owner, Q.recipients)).digestRecipients).toEqual([expect.objectContaining({ email: STAKEHOLDER, confirmed: true })]);
    });
  });

  describe('unsubscribing by the emailed link', () => {
    it('GET shows a page with a button and unsubscribes nobody', async () => {
      const [mail] = await digestsTo(DEMO_USERS.analyst.email);
      const res = await fetch(unsubscribeLink(mail, app));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<form method="post"><p>Stop receiving these Pactwatch digests?</p>');
      expect(await app.sql('SELECT 1 FROM digest_subscriptions WHERE unsubscribed_at IS NOT NULL')).toHaveLength(0);
    });

    it('a tampered token is refused with 400, by GET and POST, and unsubscribes nobody', async () => {
      const [mail] = await digestsTo(DEMO_USERS.analyst.email);
      const link = unsubscribeLink(mail, app);
      const token = link.searchParams.get('token')!;
      const [id, signature] = token.split('.');
      const [other] = await app.sql('SELECT id FROM digest_subscriptions WHERE user_id = $1', [DEMO_USERS.owner.id]);
      const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
      for (const bad of [`${id}.${flipped}`, `${other.id}.${signature}`, id, `${randomUUID()}.${signature}`, '']) {
        const url = new URL(link);
        url.searchParams.set('token', bad);
        expect((await fetch(url)).status).toBe(400);
        const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
        expect(post.status).toBe(400);
        expect(await post.text()).toContain('This link is not valid.');
      }
      expect(await app.sql('SELECT 1 FROM digest_subscriptions WHERE unsubscribed_at IS NOT NULL')).toHaveLength(0);
    });

    it("the one-click POST (as a mail client sends it) unsubscribes without signing in", async () => {
      const [mail] = await digestsTo(DEMO_USERS.analyst.email);
      const res = await fetch(unsubscribeLink(mail, app), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('analyst@pactwatch.test gets no more Pactwatch digests.');
      expect((await ok(app, app.tokens.analyst, Q.mySubscription)).myDigestSubscription).toMatchObject({ unsubscribed: true });
      const rows = await app.sql('SELECT user_id FROM digest_subscriptions WHERE unsubscribed_at IS NOT NULL');
      expect(rows).toEqual([{ user_id: DEMO_USERS.analyst.id }]);
    });
  });

  describe('the next period', () => {
    it('the unsubscribed analyst gets nothing; the confirmed outside recipient gets a digest limited to their filter', async () => {
      // Both commitments change: the analyst watches the first; the recipient's filter (MX) takes the first only.
      await changeStatus(app, app.tokens.owner, { commitmentId: C.mxSmuggling, status: 'STALLED', reasonCode: 'NO_FUNDING', note: 'The operation ran out of money.' });
      await changeStatus(app, app.tokens.owner, { commitmentId: C.usCbpCrackdown, status: 'STALLED', reasonCode: 'LEGAL_OBSTACLE', note: 'Blocked by a court.' });
      const analystBefore = (await mailsTo(DEMO_USERS.analyst.email)).length;
      await untilTheMinuteEnds();
      const { runDigests } = await ok(app, app.tokens.owner, Q.run);
      expect(runDigests.failed).toBe(0);

      expect(await mailsTo(DEMO_USERS.analyst.email)).toHaveLength(analystBefore);
      // Not even claimed for them since they unsubscribed.
      const claimed = await app.sql(
        `SELECT d.id FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id WHERE s.user_id = $1 AND d.created_at > s.unsubscribed_at`,
        [DEMO_USERS.analyst.id],
      );
      expect(claimed).toEqual([]);

      const [digest, ...more] = await digestsTo(STAKEHOLDER);
      expect(more).toHaveLength(0);
      expect(digest.subject).toBe('US–Mexico migration talks: 1 status change');
      expect(outline(digest.text!)).toEqual({ [TALKS]: [TITLES.mxSmuggling] });
      // Not a member: no links into the web client (it needs a sign-in), only the unsubscribe link.
      expect(appLinks(digest.html as string)).toEqual([unsubscribeUrl(digest)]);
      expect(appLinks(digest.text!)).toEqual([unsubscribeUrl(digest)]);
      expect(digest.text).not.toContain('Open in Pactwatch');
      expect(digest.text).toMatch(/^ {2}In progress → Stalled on .+ \(changed by Olivia Owner, /m);
      expect(digest.text).toContain('    Reason: No funding');
      expect(digest.text).not.toContain(NOTE);
      expect(rawHeader(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      // The theme watcher follows anti-smuggling, which both commitments are tagged with.
      const theme = await digestsTo(themeWatcher.email);
      expect(theme).toHaveLength(2);
      expect(outline(theme[1].text!)).toEqual({ [TALKS]: [TITLES.mxSmuggling, TITLES.usCbpCrackdown] });
    }, 120_000);

    it('an admin removes the outside recipient', async () => {
      const [recipient] = (await ok(app, app.tokens.owner, Q.recipients)).digestRecipients;
      await ok(app, app.tokens.owner, Q.removeRecipient, { input: { subscriptionId: recipient.id } });
      expect((await ok(app, app.tokens.owner, Q.recipients)).digestRecipients).toEqual([]);
    });
  });

  describe('an outside recipient of everything, beside members, in the same period', () => {
    const PARTNER = 'partner@example.org';
    const COMMENT = 'Internal: <b>do not</b> share the draft & "annex" yet';

    it("gets the status change with its reason, its source's stance and the day it happened, in Spanish; no comment, no mention, no link that needs a sign-in", async () => {
      // Everything in the workspace (no filter), in Spanish, in Mexico City; confirmed by its link.
      const added = await ok(app, app.tokens.owner, Q.addRecipient, { input: { email: PARTNER, cadence: 'INSTANT', locale: 'es', timeZone: 'America/Mexico_City' } });
      expect(added.addDigestRecipient.subscription).toMatchObject({ email: PARTNER, filter: null, confirmed: false });
      const [confirmation] = await mailsTo(PARTNER);
      const link = new URL(/https?:\/\/\S+\/digests\/confirm\?token=\S+/.exec(confirmation.text!)![0]);
      expect((await fetch(new URL(`${link.pathname}${link.search}`, app.url), { method: 'POST' })).status).toBe(200);

      // A back-dated break with a reason and a contradicting source; comments that @mention a member, on the commitment and on its agreement.
      await changeStatus(app, app.tokens.owner, {
        commitmentId: C.usRepatriationFlights,
        status: 'BROKEN',
        reasonCode: 'POLITICAL_CHANGE',
        occurredOn: '2025-06-30',
        note: 'Flights ended <i>for good</i>.',
        newEvidence: [{ url: 'https://www.dhs.gov/news/flights?x=1&y=2', title: 'DHS: flights <end>', stance: 'CONTRADICTS' }],
      });
      const mention = `@${themeWatcher.name} ${COMMENT}`;
      await ok(app, app.tokens.owner, Q.addComment, { input: { subjectType: 'COMMITMENT', subjectId: C.usRepatriationFlights, body: mention, mentionedUserIds: [themeWatcher.id] } });
      await ok(app, app.tokens.owner, Q.addComment, { input: { subjectType: 'AGREEMENT', subjectId: SEED_IDS.agreements.migrationTalks, body: `${mention} (agreement)`, mentionedUserIds: [themeWatcher.id] } });
      const themeBefore = (await digestsTo(themeWatcher.email)).length;
      await untilTheMinuteEnds();
      expect((await ok(app, app.tokens.owner, Q.run)).runDigests.failed).toBe(0);

      const [digest, ...more] = await digestsTo(PARTNER);
      expect(more).toHaveLength(0);
      const html = digest.html as string;
      const text = digest.text!;
      expect(digest.subject).toBe('US–Mexico migration talks: 1 cambio de estado');
      expect(outline(text)).toEqual({ [TALKS]: [TITLES.usRepatriationFlights] });
      // No internal discussion: neither comment, nor any mention.
      for (const part of [text, html]) {
        expect(part).not.toContain('do not');
        expect(part).not.toContain('le mencionó');
        expect(part).not.toContain(themeWatcher.name);
      }
      // No link into the web client, which needs a sign-in: only the unsubscribe link, which does not.
      expect(text).not.toContain('Abrir en Pactwatch');
      expect(appLinks(html)).toEqual([unsubscribeUrl(digest)]);
      expect(appLinks(text)).toEqual([unsubscribeUrl(digest)]);
      expect(text).toContain('un administrador de US–Mexico migration talks en Pactwatch añadió esta dirección');
      // The day it happened, the reason, the note and the source with its stance: in both parts, escaped in HTML.
      expect(text).toMatch(/^ {2}En curso → Incumplido el 30 jun 2025 \(cambiado por Olivia Owner, /m);
      expect(html).toContain('<strong>En curso &rarr; Incumplido</strong> el 30 jun 2025');
      expect(text).toContain('    Motivo: Cambio político');
      expect(html).toContain('Motivo: Cambio político');
      expect(text).toContain('    - DHS: flights <end> (Contradice) <https://www.dhs.gov/news/flights?x=1&y=2>');
      expect(html).toContain('<a href="https://www.dhs.gov/news/flights?x=1&amp;y=2" style="color:#1c5db5;">DHS: flights &lt;end&gt;</a>');
      expect(html).toContain('&middot; Contradice</span>');
      expect(html).toContain('Flights ended &lt;i&gt;for good&lt;/i&gt;.');
      expect(html).not.toMatch(/<i>|<end>|<b>/);

      // The member mentioned got both comments in the same run, and links into the web client.
      const theme = await digestsTo(themeWatcher.email);
      expect(theme).toHaveLength(themeBefore + 1);
      const member = theme[theme.length - 1];
      expect(member.text).toContain(`> ${mention}`);
      expect(member.text).toContain(`> ${mention} (agreement)`);
      expect(member.html).toContain('Internal: &lt;b&gt;do not&lt;/b&gt; share the draft &amp; &quot;annex&quot; yet');
      expect(appLinks(member.html as string)).toContain(`${PUBLIC_URL}/commitments/${C.usRepatriationFlights}`);

      // Removed, so that later tests see no outside recipient.
      await ok(app, app.tokens.owner, Q.removeRecipient, { input: { subscriptionId: added.addDigestRecipient.subscription.id } });
    }, 120_000);
  });

  describe('permissions', () => {
    it('runDigests, digestDeliveries, outbox and the outside recipients need an admin: the analyst is FORBIDDEN', async () => {
      const as = (query: string, variables?: Record<string, unknown>): Promise<GqlResponse> => app.request({ query, variables, token: app.tokens.analyst });
      const scheduledBefore = await app.sql('SELECT count(*)::int AS n FROM digest_deliveries');
      expectError(await as(Q.run), 'FORBIDDEN');
      expectError(await as(Q.deliveries, { first: 10 }), 'FORBIDDEN');
      expectError(await as(Q.outbox, { first: 10 }), 'FORBIDDEN');
      expectError(await as(Q.recipients), 'FORBIDDEN');
      expectError(await as(Q.addRecipient, { input: { email: 'sneaky@example.org' } }), 'FORBIDDEN');
      expect(await app.sql('SELECT count(*)::int AS n FROM digest_deliveries')).toEqual(scheduledBefore);
      expect(await app.sql("SELECT 1 FROM digest_subscriptions WHERE email = 'sneaky@example.org'")).toHaveLength(0);
      expect(await mailsTo('sneaky@example.org')).toHaveLength(0);
    });

    it('a viewer may watch and preview, but not run digests; a read-only API key has no digest settings', async () => {
      expect((await ok(app, app.tokens.viewer, Q.preview)).digestPreview.subject).toMatch(/^US–Mexico migration talks: /);
      expectError(await app.request({ query: Q.run, token: app.tokens.viewer }), 'FORBIDDEN');
      expectError(await app.request({ query: Q.preview, token: app.tokens.readKey }), 'FORBIDDEN');
      expectError(await app.request({ query: Q.watch, variables: { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling } } }), 'UNAUTHENTICATED');
    });
  });
});

describe('digest failures, period boundaries and racing schedulers', () => {
  let sink: SmtpSink;
  let app: TestApp;
  let runner: DigestRunnerService;
  const parsedTo = async (address: string) => (await sink.parsed()).filter((m) => m.envelopeTo.includes(address));

  beforeAll(async () => {
    sink = await startSmtpSink({ reject: (address) => (address.startsWith('bounce') ? { code: 450, message: 'Mailbox busy, try again later' } : null) });
    app = await startTestApp({
      SMTP_URL: sink.url,
      DIGEST_POLL_SECONDS: '0',
      DIGEST_GRACE_SECONDS: '0',
      DIGEST_MAX_ATTEMPTS: '2',
      // The job engine's floor for a heartbeat; its supervisor looks every second.
      DIGEST_LEASE_SECONDS: '10',
      JOBS_SUPERVISE_SECONDS: '1',
    });
    runner = app.running.app.get(DigestRunnerService);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  }, 30_000);

  /** The deliveries of one subscription, oldest period first. */
  const deliveriesOf = (subscriptionId: string) =>
    app.sql<{ status: string; attempts: number; last_error: string | null; window_start: Date; period_end: Date; next_attempt_at: Date; item_count: number | null }>(
      'SELECT status, attempts, last_error, window_start, period_end, next_attempt_at, item_count FROM digest_deliveries WHERE subscription_id = $1 ORDER BY period_end',
      [subscriptionId],
    );

  it('a daily digest at 08:00 America/Mexico_City: a change one second before the cut-off is in that day, one second after (or at it) in the next', async () => {
    const member = await addMember(app, 'cdmx@example.org', { signIn: true });
    await ok(app, member.token, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxHumaneBorder } });
    const mine = await ok(app, member.token, Q.updateMine, { input: { cadence: 'DAILY', hour: 8, timeZone: 'America/Mexico_City' } });
    expect(mine.updateMyDigestSubscription.subscription).toMatchObject({ cadence: 'DAILY', hour: 8, timeZone: 'America/Mexico_City' });
    const subscriptionId = mine.updateMyDigestSubscription.subscription.id;

    // The latest two cut-offs: 08:00 in Mexico City, 14:00 UTC (no daylight saving there since 2022).
    const schedule = { cadence: DigestCadence.DAILY, hour: 8, weekday: 1, timeZone: 'America/Mexico_City' };
    const period = latestPeriod(schedule, new Date())!;
    const [cutoff, today] = [period.start, period.end];
    for (const cut of [cutoff, today]) {
      expect(localParts(cut, 'America/Mexico_City')).toMatchObject({ hour: 8, minute: 0, second: 0 });
      expect(cut.getUTCHours()).toBe(14);
    }
    expect(today.getTime() - cutoff.getTime()).toBe(24 * 3600_000);

    // Yesterday's digest was the last one sent; three changes sit at the cut-off between.
    const dayBefore = new Date(cutoff.getTime() - 24 * 3600_000);
    await app.sql('UPDATE digest_subscriptions SET covered_until = $2 WHERE id = $1', [subscriptionId, dayBefore]);
    const at = (ms: number) => new Date(cutoff.getTime() + ms);
    await insertStatusChange(app, { commitmentId: C.mxHumaneBorder, from: 'ANNOUNCED', to: 'IN_PROGRESS', note: 'one second before the cut-off', at: at(-1000) });
    await insertStatusChange(app, { commitmentId: C.mxHumaneBorder, from: 'IN_PROGRESS', to: 'STALLED', note: 'exactly at the cut-off', at: at(0) });
    await insertStatusChange(app, { commitmentId: C.mxHumaneBorder, from: 'STALLED', to: 'IN_PROGRESS', note: 'one second after the cut-off', at: at(1000) });

    // The run just after that cut-off (as it ran then) covers the day that ended with it.
    const yesterday = await runner.runOnce(at(1500), WORKSPACE);
    expect(yesterday).toMatchObject({ scheduled: 1, sent: 1, failed: 0 });
    let mails = await parsedTo(member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('US–Mexico migration talks: 1 status change');
    expect(mails[0].text).toContain('one second before the cut-off');
    expect(mails[0].text).not.toContain('exactly at the cut-off');
    expect(mails[0].text).not.toContain('one second after the cut-off');

    // Today's run (now) covers the day since: the two later changes.
    expect((await ok(app, app.tokens.owner, Q.run)).runDigests).toMatchObject({ scheduled: 1, sent: 1, failed: 0 });
    mails = await parsedTo(member.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe('US–Mexico migration talks: 2 status changes');
    expect(mails[1].text).not.toContain('one second before the cut-off');
    expect(mails[1].text).toContain('exactly at the cut-off');
    expect(mails[1].text).toContain('one second after the cut-off');

    const deliveries = await deliveriesOf(subscriptionId);
    expect(deliveries.map((d) => [d.window_start.toISOString(), d.period_end.toISOString(), d.status, d.item_count])).toEqual([
      [dayBefore.toISOString(), cutoff.toISOString(), 'SENT', 1],
      [cutoff.toISOString(), today.toISOString(), 'SENT', 2],
    ]);
    // Nothing more is due until tomorrow's cut-off.
    expect((await ok(app, app.tokens.owner, Q.run)).runDigests.scheduled).toBe(0);
  });

  it('the scheduler reads only subscriptions whose next due time has come: each one it looks at is put off until its next period can end, and a change of schedule makes it due for a look again', async () => {
    const member = await addMember(app, 'next.due@example.org');
    const subscriptionId = await subscribe(app, member, { commitmentId: C.usCbpCrackdown, cadence: 'DAILY', hour: 6, coveredUntil: new Date(Date.now() - 3 * 24 * 3600_000) });
    const nextDue = async () => (await app.sql<{ next: Date | null }>('SELECT next_due_at AS next FROM digest_subscriptions WHERE id = $1', [subscriptionId]))[0].next;
    expect(await nextDue()).toBeNull();

    // Scheduled (the day that ended at the latest 06:00 UTC): not looked at again before a day less an hour after that.
    await runner.schedule(new Date(), WORKSPACE);
    const period = latestPeriod({ cadence: DigestCadence.DAILY, hour: 6, weekday: 1, timeZone: 'UTC' }, new Date())!;
    expect(await nextDue()).toEqual(new Date(period.end.getTime() + 23 * 3600_000));
    expect((await deliveriesOf(subscriptionId)).map((d) => d.period_end)).toEqual([period.end]);

    // Its window is put back three days: not read, so nothing is scheduled, until a change of what decides it (here the window's start).
    await app.sql(`UPDATE digest_subscriptions SET covered_until = $2, next_due_at = now() + interval '1 day' WHERE id = $1`, [subscriptionId, new Date(period.end.getTime() - 3 * 24 * 3600_000)]);
    await runner.schedule(new Date(), WORKSPACE);
    expect(await deliveriesOf(subscriptionId)).toHaveLength(1);
    await app.sql(`UPDATE digest_subscriptions SET hour = 7 WHERE id = $1`, [subscriptionId]);
    expect(await nextDue()).toBeNull();
    await runner.schedule(new Date(), WORKSPACE);
    expect(await nextDue()).not.toBeNull();
    expect(await deliveriesOf(subscriptionId)).toHaveLength(2);
    // Nothing of this one is left for the runs of the next tests.
    await app.sql(`UPDATE digest_subscriptions SET cadence = 'OFF' WHERE id = $1`, [subscriptionId]);
    await app.sql(`DELETE FROM digest_deliveries WHERE subscription_id = $1`, [subscriptionId]);
  });

  it('a digest queued before its subscriber turned digests off is not sent: the delivery ends EMPTY', async () => {
    const member = await addMember(app, 'turned.off@example.org', { signIn: true });
    const subscriptionId = await subscribe(app, member, { commitmentId: C.mxHumaneBorder, cadence: 'INSTANT', coveredUntil: new Date(Date.now() - 3600_000) });
    await insertStatusChange(app, { commitmentId: C.mxHumaneBorder, from: 'IN_PROGRESS', to: 'STALLED', note: 'queued, then turned off', at: new Date(Date.now() - 1800_000) });
    // Claimed and queued with the job engine, not yet sent.
    expect(await runner.schedule(new Date(), WORKSPACE)).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(subscriptionId)).map((d) => d.status)).toEqual(['PENDING']);
    const off = await ok(app, member.token, Q.updateMine, { input: { cadence: 'OFF' } });
    expect(off.updateMyDigestSubscription.subscription).toMatchObject({ cadence: 'OFF' });

    await runner.runOnce(new Date(), WORKSPACE);
    expect(await parsedTo(member.email)).toEqual([]);
    expect((await deliveriesOf(subscriptionId)).map((d) => [d.status, d.item_count])).toEqual([['EMPTY', 0]]);
    await app.sql(`DELETE FROM digest_deliveries WHERE subscription_id = $1`, [subscriptionId]);
  });

  it('a delivery whose worker stopped on its last attempt (no heartbeat for DIGEST_LEASE_SECONDS, DIGEST_MAX_ATTEMPTS = 2 reached) is FAILED, not taken a third time, and nothing is sent', async () => {
    await runner.runOnce(new Date(), WORKSPACE); // the jobs earlier tests left queued
    const member = await addMember(app, 'last.attempt@example.org');
    const subscriptionId = await subscribe(app, member, { commitmentId: C.jointStatement, coveredUntil: new Date(Date.now() - 10 * MINUTE) });
    await insertStatusChange(app, { commitmentId: C.jointStatement, from: 'ANNOUNCED', to: 'IN_PROGRESS', note: 'Last attempt.', at: new Date(Date.now() - 5 * MINUTE) });
    await runner.schedule(new Date(), WORKSPACE);
    const [{ id }] = await app.sql<{ id: string }>('SELECT id FROM digest_deliveries WHERE subscription_id = $1', [subscriptionId]);
    // As a worker that took it twice and died holding it the second time: its first attempt failed
    // (a retry, brought forward), the second is taken and never beats again.
    const boss = app.running.app.get(JobsService).boss;
    const first = await boss.fetch(DIGEST_QUEUE, { batchSize: 1 });
    expect(first.map((j) => j.id)).toEqual([id]);
    await boss.fail(DIGEST_QUEUE, [{ id, retryCount: first[0].retryCount }], { message: 'first attempt failed' });
    await boss.update(DIGEST_QUEUE, undefined, { id, startAfter: new Date() });
    const second = await boss.fetch(DIGEST_QUEUE, { batchSize: 1 });
    expect(second.map((j) => [j.id, j.retryCount])).toEqual([[id, 1]]);
    await app.sql(`UPDATE digest_deliveries SET status = 'SENDING', attempts = 2 WHERE id = $1`, [id]);

    // The engine's supervisor fails the silent attempt; with no retry left it becomes a dead letter, which a run records.
    let delivery = (await deliveriesOf(subscriptionId))[0];
    for (const until = Date.now() + 40_000; delivery.status !== 'FAILED' && Date.now() < until; delivery = (await deliveriesOf(subscriptionId))[0]) {
      await sleep(1000);
      await runner.runOnce(new Date(), WORKSPACE);
    }
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(delivery.last_error).toContain('stopped');
    expect(await parsedTo(member.email)).toHaveLength(0);
    await app.sql(`UPDATE digest_subscriptions SET cadence = 'OFF' WHERE id = $1`, [subscriptionId]);
  }, 60_000);

  describe('when the SMTP server refuses a recipient for now (450)', () => {
    let good: Member;
    let bounce: Member;
    let goodSub: string;
    let bounceSub: string;
    beforeAll(async () => {
      const changedAt = new Date(Date.now() - 5 * MINUTE);
      good = await addMember(app, 'good@example.org');
      bounce = await addMember(app, 'bounce@example.org');
      const coveredUntil = new Date(Date.now() - 10 * MINUTE);
      goodSub = await subscribe(app, good, { commitmentId: C.jointStatement, coveredUntil });
      bounceSub = await subscribe(app, bounce, { commitmentId: C.jointStatement, coveredUntil });
      await insertStatusChange(app, { commitmentId: C.jointStatement, from: 'ANNOUNCED', to: 'IN_PROGRESS', note: 'Drafts exchanged.', at: changedAt });
    });

    it('puts that delivery back to PENDING with the error and a later next attempt; the others are sent', async () => {
      const { runDigests } = await ok(app, app.tokens.owner, Q.run);
      expect(runDigests).toMatchObject({ scheduled: 2, sent: 1, failed: 1 });
      expect(await parsedTo(good.email)).toHaveLength(1);
      expect(await parsedTo(bounce.email)).toHaveLength(0);
      const [failed] = await deliveriesOf(bounceSub);
      expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(failed.last_error).toMatch(/450/);
      expect(failed.last_error).toContain('Mailbox busy, try again later');
      const [{ now }] = await app.sql('SELECT now() AS now');
      expect(failed.next_attempt_at.getTime()).toBeGreaterThan(now.getTime() + 20_000);
      expect((await deliveriesOf(goodSub))[0]).toMatchObject({ status: 'SENT', attempts: 1, last_error: null });

      // Not retried before its time.
      await ok(app, app.tokens.owner, Q.run);
      expect((await deliveriesOf(bounceSub))[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
    });

    /** The job engine's retry of the bounced delivery, brought forward to now. */
    const retryNow = async () => {
      const [{ id }] = await app.sql<{ id: string }>('SELECT id FROM digest_deliveries WHERE subscription_id = $1', [bounceSub]);
      await app.running.app.get(JobsService).boss.update(DIGEST_QUEUE, undefined, { id, startAfter: new Date() });
    };

    it(`after DIGEST_MAX_ATTEMPTS (2) it is FAILED, with the error in digestDeliveries; the others got exactly one`, async () => {
      await retryNow();
      const { runDigests } = await ok(app, app.tokens.owner, Q.run);
      expect(runDigests.failed).toBe(1);
      const [failed] = await deliveriesOf(bounceSub);
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });

      const { digestDeliveries } = await ok(app, app.tokens.owner, Q.deliveries, { first: 100 });
      const logged = digestDeliveries.filter((d: any) => d.recipient === bounce.email && d.status !== 'EMPTY');
      expect(logged).toEqual([expect.objectContaining({ subscriptionId: bounceSub, status: 'FAILED', attempts: 2, finishedAt: expect.any(String) })]);
      expect(logged[0].lastError).toContain('Mailbox busy, try again later');

      // A FAILED one stays failed: later runs leave it.
      await retryNow();
      await ok(app, app.tokens.owner, Q.run);
      expect((await deliveriesOf(bounceSub))[0]).toMatchObject({ status: 'FAILED', attempts: 2 });
      expect(await parsedTo(good.email)).toHaveLength(1);
      expect(await parsedTo(bounce.email)).toHaveLength(0);
    });
  });

  describe('one copy when schedulers and workers race (no process dies)', () => {
    it('two schedulers on either side of a period boundary claim windows that do not overlap: the change is sent once', async () => {
      const member = await addMember(app, 'race.boundary@example.org');
      const boundary = Math.floor(Date.now() / MINUTE) * MINUTE - 3 * MINUTE;
      const subscriptionId = await subscribe(app, member, { commitmentId: C.usCbpCrackdown, coveredUntil: new Date(boundary - 5 * MINUTE) });
      await insertStatusChange(app, { commitmentId: C.usCbpCrackdown, from: 'IN_PROGRESS', to: 'STALLED', note: 'Raced.', at: new Date(boundary - 2 * MINUTE) });

      // Two instances whose clocks read either side of the boundary schedule at the same moment: both
      // read the subscription before either has claimed (a third transaction holds its row meanwhile).
      const holder = app.running.dataSource.createQueryRunner();
      await holder.connect();
      let both: Promise<unknown>;
      try {
        await holder.startTransaction();
        await holder.query('SELECT 1 FROM digest_subscriptions WHERE id = $1 FOR UPDATE', [subscriptionId]);
        both = Promise.all([runner.schedule(new Date(boundary - 1000), WORKSPACE), runner.schedule(new Date(boundary + 1000), WORKSPACE)]);
        await sleep(500);
        await holder.commitTransaction();
      } finally {
        await holder.release();
      }
      await both;
      await runner.runOnce(new Date(), WORKSPACE);

      const deliveries = await deliveriesOf(subscriptionId);
      for (let i = 1; i < deliveries.length; i++) expect(deliveries[i].window_start.getTime()).toBeGreaterThanOrEqual(deliveries[i - 1].period_end.getTime());
      expect(deliveries.filter((d) => d.status === 'SENT')).toHaveLength(1);
      expect(await parsedTo(member.email)).toHaveLength(1);
    });

    it('a batch that outlasts DIGEST_LEASE_SECONDS stays with its worker (heartbeat): a second run on the same instance takes none of it, and each member gets one copy on the first attempt', async () => {
      // One after another: app.sql is one connection, which runs one statement at a time.
      const members: Member[] = [];
      for (let i = 0; i < 40; i++) members.push(await addMember(app, `race.lease.${i}@example.org`));
      const coveredUntil = new Date(Date.now() - 10 * MINUTE);
      for (const m of members) await subscribe(app, m, { commitmentId: C.usRepatriationFlights, coveredUntil });
      await insertStatusChange(app, { commitmentId: C.usRepatriationFlights, from: 'IN_PROGRESS', to: 'STALLED', note: 'Flights paused.', at: new Date(Date.now() - 5 * MINUTE) });

      // Each message takes 1.5 s to be accepted: the 40 (five connections at a time) outlast the 10 s
      // without a heartbeat after which the engine's supervisor (every second here) would hand them on.
      sink.delayMs = 1500;
      try {
        const first = runner.runOnce(new Date(), WORKSPACE);
        await sleep(11_500);
        const second = runner.runOnce(new Date(), WORKSPACE);
        const [, took] = await Promise.all([first, second]);
        expect(took).toMatchObject({ sent: 0, failed: 0 });
      } finally {
        sink.delayMs = 0;
      }
      const received = new Map<string, number>();
      for (const mail of await sink.parsed()) for (const to of mail.envelopeTo) received.set(to, (received.get(to) ?? 0) + 1);
      expect(members.map((m) => [m.email, received.get(m.email) ?? 0])).toEqual(members.map((m) => [m.email, 1]));
      const statuses = await app.sql(
        `SELECT d.status, d.attempts, count(*)::int AS n FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id JOIN users u ON u.id = s.user_id
         WHERE u.email LIKE 'race.lease.%' AND d.status <> 'EMPTY' GROUP BY d.status, d.attempts`,
      );
      expect(statuses).toEqual([{ status: 'SENT', attempts: 1, n: 40 }]);
    }, 60_000);
  });
});

describe('the local outbox (no SMTP_URL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DIGEST_POLL_SECONDS: '0', DIGEST_GRACE_SECONDS: '0' });
  }, 60_000);
  afterAll(() => app?.close(), 30_000);

  it("a watched commitment's change and a digest run put the message in the outbox, listed to the workspace's admins only", async () => {
    // The owner of another workspace, whose mail lands in the same outbox folder: an invitation from
    // their workspace, and a password reset of their own.
    const outsider = (await signUpAndConfirm(app, { email: 'outsider@example.org', name: 'Otto Outsider', password: 'outsider-password-1', workspaceName: 'Elsewhere' })).token;
    await ok(app, outsider, Q.invite, { input: { email: 'colleague@example.org', role: 'VIEWER' } });
    await ok(app, '', Q.requestReset, { input: { email: 'outsider@example.org' } });

    await ok(app, app.tokens.analyst, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: C.mxSmuggling } });
    await ok(app, app.tokens.analyst, Q.updateMine, { input: { cadence: 'INSTANT' } });
    await changeStatus(app, app.tokens.owner, { commitmentId: C.mxSmuggling, status: 'IN_PROGRESS', note: 'Checkpoints set up <b>in Chiapas</b>.' });
    await untilTheMinuteEnds();
    expect((await ok(app, app.tokens.owner, Q.run)).runDigests).toMatchObject({ scheduled: 1, sent: 1 });

    expect(app.outbox().length).toBeGreaterThanOrEqual(3);
    const { outbox } = await ok(app, app.tokens.owner, Q.outbox, { first: 10 });
    expect(outbox).toEqual([
      expect.objectContaining({ to: DEMO_USERS.analyst.email, subject: 'US–Mexico migration talks: 1 status change', file: expect.stringMatching(/\.eml$/) }),
    ]);
    const message = await simpleParser(outbox[0].raw);
    expect(rawHeader(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The unsubscribe link is the analyst's: the admin reads it without its token, the .eml file keeps it.
    const onDisk = await Promise.all(app.outbox().map((raw) => simpleParser(raw)));
    const original = onDisk.find((m) => m.messageId === message.messageId)!;
    const token = unsubscribeLink(original, app).searchParams.get('token')!;
    expect(token).not.toBe('redacted');
    expect(outbox[0].raw).not.toContain(token);
    expect(unsubscribeLink(message, app).searchParams.get('token')).toBe('redacted');
    expect(message.text).not.toContain(token);
    expect(message.html).not.toContain(token);
    expect(message.html).toContain('Checkpoints set up &lt;b&gt;in Chiapas&lt;/b&gt;.');
    expect(message.html).not.toContain('<b>in Chiapas');
    expect(message.text).toContain('“Checkpoints set up <b>in Chiapas</b>.”');
    // The other workspace's owner sees their workspace's invitation only: not the analyst's digest (nor anyone's password reset).
    const theirs = (await ok(app, outsider, Q.outbox, { first: 10 })).outbox;
    expect(theirs.map((m: any) => m.to)).toEqual(['colleague@example.org']);
  }, 120_000);
});
