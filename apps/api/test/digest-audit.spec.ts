import { randomBytes } from 'node:crypto';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, lastActivityId } from './support/expectations';
import { linkIn, readMail } from './support/mail';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Digest recipients, watches and digest settings are audited: each change writes its activity row
 * in the same transaction, a refused call writes none, and the rows (addresses, who watches what)
 * are shown only to those who manage members.
 */

const Q = {
  addRecipient: 'mutation($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) { subscription { id email confirmed } } }',
  confirm: 'mutation($input: ConfirmDigestRecipientInput!) { confirmDigestRecipient(input: $input) { subscription { id confirmed } } }',
  removeRecipient: 'mutation($input: RemoveDigestRecipientInput!) { removeDigestRecipient(input: $input) { removedSubscriptionId } }',
  watch: 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }',
  unwatch: 'mutation($input: UnwatchInput!) { unwatch(input: $input) { removedWatchId } }',
  updateMine: 'mutation($input: DigestScheduleInput!) { updateMyDigestSubscription(input: $input) { subscription { id cadence hour } } }',
  feed: 'query { activity(first: 50) { edges { node { verb subjectId after } } } }',
};

describe('digest audit', () => {
  let app: TestApp;
  const ok = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.request({ query, variables, token });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as Record<string, any>;
  };
  /** What `fn` added to the activity log, oldest first. */
  const rowsOf = async (fn: () => Promise<unknown>) => {
    const since = await lastActivityId(app);
    await fn();
    return (await activitySince(app, since)).reverse();
  };
  const feedVerbs = async (token: string) => (await ok(token, Q.feed)).activity.edges.map((e: { node: { verb: string } }) => e.node.verb);

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(() => app?.close());

  describe('an outside recipient', () => {
    const email = `stakeholder-${randomBytes(3).toString('hex')}@example.org`;
    let subscriptionId: string;
    let token: string;

    it('added: one digest_recipient.added row with the address, cadence and filter', async () => {
      const before = app.outbox().length;
      const rows = await rowsOf(async () => {
        subscriptionId = (await ok(app.tokens.owner, Q.addRecipient, { input: { email, cadence: 'DAILY', filter: { partyCodes: ['MX'] } } })).addDigestRecipient.subscription.id;
      });
      expect(rows).toEqual([expect.objectContaining({ verb: 'digest_recipient.added', subject_type: 'DigestSubscription', subject_id: subscriptionId })]);
      expect(rows[0].after).toMatchObject({ email, cadence: 'DAILY', filter: { partyCodes: ['MX'] } });
      const mail = app.outbox().slice(before).map(readMail).find((m) => m.to.includes(email));
      token = linkIn(mail!, '/digests/confirm').token;
    });

    it('refused (a second time: CONFLICT; by an analyst: FORBIDDEN; a malformed address: BAD_USER_INPUT): no row', async () => {
      const rows = await rowsOf(async () => {
        expectError(await app.request({ query: Q.addRecipient, variables: { input: { email } }, token: app.tokens.owner }), 'CONFLICT', 'email');
        expectError(await app.request({ query: Q.addRecipient, variables: { input: { email: 'other@example.org' } }, token: app.tokens.analyst }), 'FORBIDDEN');
        expectError(await app.request({ query: Q.addRecipient, variables: { input: { email: 'not an address' } }, token: app.tokens.owner }), 'BAD_USER_INPUT', 'email');
      });
      expect(rows).toEqual([]);
    });

    it('confirmed by the link: one digest_recipient.confirmed row by the recipient; confirming again adds none', async () => {
      const rows = await rowsOf(async () => {
        expect((await ok('', Q.confirm, { input: { token } })).confirmDigestRecipient.subscription.confirmed).toBe(true);
        await ok('', Q.confirm, { input: { token } });
        expectError(await app.request({ query: Q.confirm, variables: { input: { token: `${token}x` } } }), 'BAD_USER_INPUT', 'token');
      });
      expect(rows).toEqual([expect.objectContaining({ verb: 'digest_recipient.confirmed', subject_id: subscriptionId, after: { email, confirmed: true } })]);
      const [actor] = await app.sql('SELECT actor_type, actor_label FROM activity WHERE verb = $1 AND subject_id = $2', ['digest_recipient.confirmed', subscriptionId]);
      expect(actor).toEqual({ actor_type: 'ANONYMOUS', actor_label: email });
    });

    it('the rows (and the address) are in the feed of an owner, not of an analyst, a viewer or a READ key', async () => {
      expect(await feedVerbs(app.tokens.owner)).toEqual(expect.arrayContaining(['digest_recipient.added', 'digest_recipient.confirmed']));
      for (const reader of [app.tokens.analyst, app.tokens.viewer, app.tokens.readKey]) {
        const verbs: string[] = await feedVerbs(reader);
        expect(verbs.filter((v) => v.startsWith('digest_'))).toEqual([]);
        expect(JSON.stringify(await ok(reader, Q.feed))).not.toContain(email);
      }
    });

    it('removed: one digest_recipient.removed row; an unknown id is NOT_FOUND and writes none', async () => {
      const rows = await rowsOf(async () => {
        await ok(app.tokens.owner, Q.removeRecipient, { input: { subscriptionId } });
        expectError(await app.request({ query: Q.removeRecipient, variables: { input: { subscriptionId } }, token: app.tokens.owner }), 'NOT_FOUND', 'subscriptionId');
      });
      expect(rows).toEqual([expect.objectContaining({ verb: 'digest_recipient.removed', subject_id: subscriptionId, before: { email, confirmed: true } })]);
    });
  });

  describe('watches and digest settings', () => {
    const commitmentId = SEED_IDS.commitments.usCbpCrackdown;
    let watchId: string;

    it('watching: one watch.added row (watching it again adds none); an unknown subject writes none', async () => {
      const rows = await rowsOf(async () => {
        watchId = (await ok(app.tokens.viewer, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: commitmentId } })).watch.watch.id;
        await ok(app.tokens.viewer, Q.watch, { input: { subjectType: 'COMMITMENT', subjectId: commitmentId } });
        const unknown = await app.request({ query: Q.watch, variables: { input: { subjectType: 'AGREEMENT', subjectId: commitmentId } }, token: app.tokens.viewer });
        expectError(unknown, 'NOT_FOUND', 'subjectId');
        expectError(await app.request({ query: Q.watch, variables: { input: { subjectType: 'COMMITMENT', subjectId: commitmentId } }, token: app.tokens.readKey }), 'FORBIDDEN');
      });
      expect(rows.map((r) => r.verb)).toEqual(['watch.added']);
      expect(rows[0]).toMatchObject({ subject_type: 'Watch', subject_id: watchId, after: { subjectType: 'COMMITMENT', subjectId: commitmentId } });
    });

    it('unwatching: one watch.removed row; someone else cannot remove it (NOT_FOUND, no row)', async () => {
      const rows = await rowsOf(async () => {
        expectError(await app.request({ query: Q.unwatch, variables: { input: { watchId } }, token: app.tokens.analyst }), 'NOT_FOUND', 'watchId');
        await ok(app.tokens.viewer, Q.unwatch, { input: { watchId } });
      });
      expect(rows).toEqual([expect.objectContaining({ verb: 'watch.removed', subject_id: watchId, before: expect.objectContaining({ subjectType: 'COMMITMENT', subjectId: commitmentId }) })]);
    });

    it('changing digest settings: one digest_subscription.updated row with before and after; a bad time zone writes none', async () => {
      const rows = await rowsOf(async () => {
        await ok(app.tokens.analyst, Q.updateMine, { input: { cadence: 'WEEKLY', hour: 17 } });
        expectError(await app.request({ query: Q.updateMine, variables: { input: { timeZone: 'Mars/Olympus_Mons' } }, token: app.tokens.analyst }), 'BAD_USER_INPUT', 'timeZone');
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ verb: 'digest_subscription.updated', after: { cadence: 'WEEKLY', hour: 17 } });
    });

    it('the watch and settings rows are for those who manage members only', async () => {
      expect(await feedVerbs(app.tokens.owner)).toEqual(expect.arrayContaining(['watch.added', 'watch.removed', 'digest_subscription.updated']));
      for (const reader of [app.tokens.analyst, app.tokens.viewer, app.tokens.readKey]) {
        expect((await feedVerbs(reader)).filter((v: string) => v.startsWith('watch.') || v.startsWith('digest_'))).toEqual([]);
      }
    });
  });
});
