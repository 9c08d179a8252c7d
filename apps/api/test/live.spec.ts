import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { LiveEventsService } from '../src/modules/live/live-events.service';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, lastActivityId } from './support/expectations';
import { Recording, subscribe } from './support/live';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Live updates on one instance, over real WebSockets (graphql-ws): activity as it commits, with
 * filters and a `since` cursor; a commitment's new versions; authentication at connect and while
 * connected; and presence on the commitment page. Across instances: live-multi-instance.spec.ts.
 */

const C = SEED_IDS.commitments;
const WORKSPACE = SEED_IDS.workspace;

const ACTIVITY = `subscription($filter: ActivityFilter, $since: ID) {
  activityAdded(filter: $filter, since: $since) { id verb subjectType subjectId actorLabel before after } }`;
const COMMITMENT = 'subscription($id: ID!) { commitmentChanged(id: $id) { id status version } }';
const PRESENCE = 'subscription($id: ID!) { presence(commitmentId: $id) { user { id name } since } }';
const Q = {
  version: 'query($id: ID!) { commitment(id: $id) { version status } }',
  changeStatus: `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { id status version } } }`,
  createKey: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
  revokeKey: 'mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id } } }',
};

type Activity = { activityAdded: { id: string; verb: string; subjectId: string; after: Record<string, any> } };
type Viewers = { presence: { user: { id: string; name: string }; since: string }[] };

describe('live updates on one instance (graphql-ws)', () => {
  let app: TestApp;
  const open: Recording<any>[] = [];
  const live = <T = Record<string, any>>(token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const r = subscribe<T>(app.url, { token }, query, variables);
    open.push(r);
    return r;
  };
  let partiesOf: Record<string, string[]>;

  /** Moves a commitment between ANNOUNCED and IN_PROGRESS (no evidence needed), as the analyst. */
  const toggle = async (commitmentId: string, token = app.tokens.analyst) => {
    const { data } = await app.request<any>({ query: Q.version, variables: { id: commitmentId }, token });
    const status = data.commitment.status === 'IN_PROGRESS' ? 'ANNOUNCED' : 'IN_PROGRESS';
    const res = await app.request<any>({
      query: Q.changeStatus,
      variables: { input: { commitmentId, expectedVersion: data.commitment.version, status } },
      token,
    });
    expect(res.errors).toBeUndefined();
    return res.data.changeCommitmentStatus.commitment as { id: string; status: string; version: number };
  };
  const newestActivity = async () => (await app.sql<{ id: string; subject_id: string }>('SELECT a.id::text AS id, a.subject_id FROM activity a ORDER BY a.id DESC LIMIT 1'))[0];

  beforeAll(async () => {
    app = await startTestApp({ LIVE_AUTH_CHECK_SECONDS: '1', RATE_LIMIT_PER_MINUTE: '100000' });
    const rows = await app.sql<{ id: string; codes: string[] }>(
      `SELECT c.id, array_agg(p.code ORDER BY p.code) AS codes FROM commitments c
       JOIN commitment_parties cp ON cp.commitment_id = c.id JOIN parties p ON p.id = cp.party_id WHERE c.workspace_id = $1 GROUP BY c.id`,
      [WORKSPACE],
    );
    partiesOf = Object.fromEntries(rows.map((r) => [r.id, r.codes]));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close().catch(() => undefined)));
  });
  afterAll(() => app?.close());

  describe('activityAdded', () => {
    it('delivers a status change made over HTTP to a subscriber, once, with what changed', async () => {
      const since = await lastActivityId(app);
      const sub = live<Activity>(app.tokens.viewer, ACTIVITY, { since });
      await sub.ready();
      const changed = await toggle(C.mxSmuggling);
      const [event] = await sub.until((v) => v.length >= 1);
      expect(event.activityAdded).toMatchObject({
        verb: 'commitment.status_changed',
        subjectType: 'Commitment',
        subjectId: C.mxSmuggling,
        actorLabel: DEMO_USERS.analyst.name,
        after: { status: changed.status, version: changed.version },
      });
      expect(event.activityAdded.id).toBe((await newestActivity()).id);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sub.values).toHaveLength(1);
      expect(sub.errors).toEqual([]);
    });

    it('filters by party, agreement and commitment: each subscriber gets exactly the changes that match', async () => {
      const since = await lastActivityId(app);
      const subs = {
        us: live<Activity>(app.tokens.viewer, ACTIVITY, { since, filter: { partyCodes: ['us'] } }),
        mx: live<Activity>(app.tokens.viewer, ACTIVITY, { since, filter: { partyCodes: ['MX'] } }),
        agreement: live<Activity>(app.tokens.readKey, ACTIVITY, { since, filter: { agreementId: SEED_IDS.agreements.migrationTalks } }),
        otherAgreement: live<Activity>(app.tokens.readKey, ACTIVITY, { since, filter: { agreementId: '00000000-0000-4000-8000-000000000699' } }),
        commitment: live<Activity>(app.tokens.analyst, ACTIVITY, { since, filter: { commitmentId: C.usCbpCrackdown } }),
        everything: live<Activity>(app.tokens.owner, ACTIVITY, { since }),
      };
      const changed = [C.mxHumaneBorder, C.usCbpCrackdown, C.jointStatement, C.usRepatriationFlights];
      for (const id of changed) await toggle(id);
      const expected = {
        us: changed.filter((id) => partiesOf[id].includes('US')),
        mx: changed.filter((id) => partiesOf[id].includes('MX')),
        agreement: changed,
        otherAgreement: [] as string[],
        commitment: [C.usCbpCrackdown],
        everything: changed,
      };
      await subs.everything.until((v) => v.length >= changed.length);
      for (const [name, sub] of Object.entries(subs)) {
        await sub.until((v) => v.length >= expected[name as keyof typeof expected].length, 5000, name);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const [name, sub] of Object.entries(subs)) {
        expect({ name, got: sub.values.map((v) => v.activityAdded.subjectId) }).toEqual({ name, got: expected[name as keyof typeof expected] });
      }
      // Ids increase in commit order, so a subscriber can resume after the last one it saw.
      const ids = subs.everything.values.map((v) => BigInt(v.activityAdded.id));
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    });

    it('never announces a refused or rolled-back change', async () => {
      const since = await lastActivityId(app);
      const sub = live<Activity>(app.tokens.viewer, ACTIVITY, { since });
      await sub.ready();
      // FULFILLED needs a note and evidence: refused, nothing written, nothing announced.
      const { data } = await app.gql<any>(Q.version, { id: C.usRepatriationFlights });
      const refused = await app.gql(Q.changeStatus, { input: { commitmentId: C.usRepatriationFlights, expectedVersion: data.commitment.version, status: 'FULFILLED' } });
      expectError(refused, 'BAD_USER_INPUT');
      // A stale version: CONFLICT.
      const stale = await app.gql(Q.changeStatus, { input: { commitmentId: C.usRepatriationFlights, expectedVersion: data.commitment.version - 1, status: 'STALLED', reasonCode: 'OTHER' } });
      expectError(stale, 'CONFLICT');
      // A transaction that wrote an activity row and rolled back.
      const direct = new Client({ connectionString: (app.running.dataSource.options as { url: string }).url });
      await direct.connect();
      try {
        await direct.query('BEGIN');
        await direct.query(
          `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, after)
           VALUES ($1, 'SYSTEM', 'test', 'commitment.status_changed', 'Commitment', $2, '{"status":"BROKEN"}')`,
          [WORKSPACE, C.usRepatriationFlights],
        );
        await direct.query('ROLLBACK');
      } finally {
        await direct.end();
      }
      // Then a real change: the first (and only) event the subscriber gets.
      await toggle(C.mxSmuggling);
      await sub.until((v) => v.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sub.values.map((v) => [v.activityAdded.verb, v.activityAdded.subjectId])).toEqual([['commitment.status_changed', C.mxSmuggling]]);
    });

    it('replays what a subscriber missed when it comes back with `since`, then goes on live, each once', async () => {
      const before = await lastActivityId(app);
      await toggle(C.mxSmuggling);
      await toggle(C.jointStatement);
      const sub = live<Activity>(app.tokens.viewer, ACTIVITY, { since: before });
      await sub.until((v) => v.length >= 2);
      await toggle(C.usCbpCrackdown);
      await sub.until((v) => v.length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const logged = await app.sql<{ id: string }>('SELECT a.id::text AS id FROM activity a WHERE a.id > $1 ORDER BY a.id', [before]);
      expect(sub.values.map((v) => v.activityAdded.id)).toEqual(logged.map((r) => r.id));
      expect(sub.values.map((v) => v.activityAdded.subjectId)).toEqual([C.mxSmuggling, C.jointStatement, C.usCbpCrackdown]);
      // A cursor that is not an activity id is refused.
      const bad = live(app.tokens.viewer, ACTIVITY, { since: 'yesterday' });
      await bad.ended();
      expect(JSON.stringify(bad.errors)).toContain('since must be an activity id');
    });

    it('lets go of a quiet subscription as soon as the client ends it or its socket closes', async () => {
      const listeners = () => app.running.app.get(LiveEventsService).subscriptionCount;
      const drained = async () => {
        const deadline = Date.now() + 3000;
        while (listeners() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        return listeners();
      };
      // The previous tests' subscriptions are closed (afterEach): none is left over.
      const baseline = await drained();
      expect(baseline).toBe(0);
      const quiet = [
        live(app.tokens.viewer, ACTIVITY, { filter: { commitmentId: C.usRepatriationFlights } }),
        live(app.tokens.viewer, COMMITMENT, { id: C.usRepatriationFlights }),
        live(app.tokens.readKey, ACTIVITY, {}),
      ];
      await Promise.all(quiet.map((q) => q.ready()));
      expect(listeners()).toBe(baseline + 3);
      await Promise.all(quiet.map((q) => q.close()));
      expect(await drained()).toBe(0);
    });

    it('gives activity ids in commit order: a writer waits for the one before it in the workspace to commit', async () => {
      const url = (app.running.dataSource.options as { url: string }).url;
      const [first, second] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
      await Promise.all([first.connect(), second.connect()]);
      const insert = `INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id)
        VALUES ($1, 'SYSTEM', 'test', 'test.ordered', 'Workspace', $1) RETURNING id::text`;
      try {
        await first.query('BEGIN');
        await second.query('BEGIN');
        const a = (await first.query(insert, [WORKSPACE])).rows[0].id as string;
        let secondDone = false;
        const pending = second.query(insert, [WORKSPACE]).then((r) => ((secondDone = true), r.rows[0].id as string));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(secondDone).toBe(false);
        await first.query('COMMIT');
        const b = await pending;
        await second.query('COMMIT');
        expect(BigInt(b)).toBeGreaterThan(BigInt(a));
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
    });
  });

  describe('commitmentChanged', () => {
    it('sends the new version of the commitment after each change, and nothing for other commitments', async () => {
      const sub = live<{ commitmentChanged: { id: string; status: string; version: number } }>(app.tokens.viewer, COMMITMENT, { id: C.usCbpCrackdown });
      await sub.ready(600);
      await toggle(C.mxSmuggling);
      const first = await toggle(C.usCbpCrackdown);
      const second = await toggle(C.usCbpCrackdown);
      await sub.until((v) => v.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sub.values.map((v) => v.commitmentChanged)).toEqual([first, second]);
    });

    it('refuses an unknown commitment with NOT_FOUND', async () => {
      const sub = live(app.tokens.viewer, COMMITMENT, { id: '00000000-0000-4000-8000-000000000799' });
      await sub.ended();
      expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
    });
  });

  describe('authentication', () => {
    it('refuses a connection without credentials, or with a bad token, at connect (4403)', async () => {
      for (const token of [null, 'not-a-token', 'pw_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const sub = live(token, ACTIVITY, {});
        await sub.ended();
        expect(sub.closed?.code).toBe(4403);
        expect(sub.values).toEqual([]);
      }
    });

    it('closes the subscription of an API key once it is revoked (4401)', async () => {
      const created = await app.request<any>({ query: Q.createKey, variables: { input: { name: 'Live feed', scope: 'READ' } }, token: app.tokens.owner });
      expect(created.errors).toBeUndefined();
      const { secret, apiKey } = created.data.createApiKey;
      const since = await lastActivityId(app);
      const sub = live<Activity>(secret, ACTIVITY, { since });
      await sub.ready();
      await toggle(C.mxSmuggling);
      await sub.until((v) => v.length >= 1);
      const revoked = await app.request({ query: Q.revokeKey, variables: { input: { apiKeyId: apiKey.id } }, token: app.tokens.owner });
      expect(revoked.errors).toBeUndefined();
      await sub.ended(5000);
      expect(sub.closed?.code).toBe(4401);
      const count = sub.values.length;
      await toggle(C.mxSmuggling);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sub.values).toHaveLength(count);
    });

    it('closes the subscription of a person who signed out (4401)', async () => {
      const token = await app.signIn(DEMO_USERS.viewer.email);
      const sub = live<Activity>(token, ACTIVITY, { since: await lastActivityId(app) });
      await sub.ready();
      const out = await app.request({ query: 'mutation { signOut { done } }', token });
      expect(out.errors).toBeUndefined();
      await sub.ended(5000);
      expect(sub.closed?.code).toBe(4401);
    });

    it("closes the connection of a member removed while the instance's LISTEN connection was down, once it is back (4403)", async () => {
      const id = randomUUID();
      const email = `live-outage-${randomBytes(4).toString('hex')}@example.test`;
      await app.sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [id, email, 'Live Outage', await hash(DEMO_PASSWORD)]);
      await app.sql('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [WORKSPACE, id, 'VIEWER']);
      const sub = live<Activity>(await app.signIn(email), ACTIVITY, { since: await lastActivityId(app) });
      await sub.ready();
      // The signal of the removal is sent while nobody listens: only the check after reconnecting can see it.
      const [listener] = await app.sql<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'pactwatch-live' AND datname = current_database()");
      await app.sql('SELECT pg_terminate_backend($1)', [listener.pid]);
      while ((await app.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [listener.pid])).length) await new Promise((resolve) => setTimeout(resolve, 20));
      await app.sql('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [WORKSPACE, id]);
      await sub.ended(15_000);
      expect(sub.closed?.code).toBe(4403);
    });
  });

  describe('presence on the commitment page', () => {
    const names = (v: Viewers) => v.presence.map((p) => p.user.name).sort();

    it('two viewers see each other; when one closes the page the other sees the list shrink', async () => {
      const viewer = live<Viewers>(app.tokens.viewer, PRESENCE, { id: C.jointStatement });
      await viewer.until((v) => v.length >= 1 && names(v[v.length - 1]).includes(DEMO_USERS.viewer.name));
      const analyst = live<Viewers>(app.tokens.analyst, PRESENCE, { id: C.jointStatement });
      const both = [DEMO_USERS.analyst.name, DEMO_USERS.viewer.name].sort();
      await analyst.until((v) => v.length >= 1 && JSON.stringify(names(v[v.length - 1])) === JSON.stringify(both), 5000, 'both in the analyst list');
      await viewer.until((v) => JSON.stringify(names(v[v.length - 1])) === JSON.stringify(both), 5000, 'both in the viewer list');
      const last = analyst.values[analyst.values.length - 1].presence.find((p) => p.user.id === DEMO_USERS.analyst.id)!;
      expect(new Date(last.since).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(await app.sql('SELECT 1 FROM presence WHERE commitment_id = $1', [C.jointStatement])).toHaveLength(2);

      // An API key watches the list without being in it.
      const key = live<Viewers>(app.tokens.readKey, PRESENCE, { id: C.jointStatement });
      await key.until((v) => v.length >= 1 && JSON.stringify(names(v[v.length - 1])) === JSON.stringify(both));
      expect(await app.sql('SELECT 1 FROM presence WHERE commitment_id = $1', [C.jointStatement])).toHaveLength(2);

      // The analyst's tab closes: the socket goes, and with it their presence.
      await analyst.close();
      await viewer.until((v) => JSON.stringify(names(v[v.length - 1])) === JSON.stringify([DEMO_USERS.viewer.name]), 5000, 'the analyst gone');
      await key.until((v) => JSON.stringify(names(v[v.length - 1])) === JSON.stringify([DEMO_USERS.viewer.name]), 5000, 'the analyst gone (key)');
      expect(await app.sql('SELECT user_id FROM presence WHERE commitment_id = $1', [C.jointStatement])).toEqual([{ user_id: DEMO_USERS.viewer.id }]);
      await viewer.close();
      await key.close();
      const deadline = Date.now() + 5000;
      while ((await app.sql('SELECT 1 FROM presence WHERE commitment_id = $1', [C.jointStatement])).length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await app.sql('SELECT 1 FROM presence WHERE commitment_id = $1', [C.jointStatement])).toEqual([]);
    });

    it('ignores rows no instance refreshed for 30 s (their instance died), and lists a person with two tabs once', async () => {
      await app.sql(
        `INSERT INTO presence (connection_id, commitment_id, workspace_id, user_id, seen_at, since)
         VALUES ('dead-instance-connection', $1, $2, $3, now() - interval '45 seconds', now() - interval '10 minutes')`,
        [C.mxHumaneBorder, WORKSPACE, DEMO_USERS.owner.id],
      );
      const tab1 = live<Viewers>(app.tokens.analyst, PRESENCE, { id: C.mxHumaneBorder });
      const tab2 = live<Viewers>(app.tokens.analyst, PRESENCE, { id: C.mxHumaneBorder });
      await tab1.until((v) => v.length >= 1);
      await tab2.until((v) => v.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const tab of [tab1, tab2]) {
        expect(tab.values[tab.values.length - 1].presence.map((p) => p.user.id)).toEqual([DEMO_USERS.analyst.id]);
      }
      await tab1.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(tab2.values[tab2.values.length - 1].presence.map((p) => p.user.id)).toEqual([DEMO_USERS.analyst.id]);
    });

    it('refuses an unknown commitment, and anonymous callers', async () => {
      const unknown = live(app.tokens.viewer, PRESENCE, { id: '00000000-0000-4000-8000-000000000799' });
      await unknown.ended();
      expect(JSON.stringify(unknown.errors)).toContain('NOT_FOUND');
      const anonymous = live(null, PRESENCE, { id: C.mxHumaneBorder });
      await anonymous.ended();
      expect(anonymous.closed?.code).toBe(4403);
    });
  });
});
