import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { startTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id version parties { code } themes { slug } } } }`;
const UPDATE = `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id version parties { code } themes { slug } } } }`;
const ME = '{ me { user { email } } }';
const CALLS = 50;

describe('connections: writes look up parties and themes on their own transaction, so a busy pool does not deadlock', () => {
  let app: TestApp;
  beforeAll(async () => {
    // 50 requests worked on at once, all from one caller, on the default pool of 10 connections.
    app = await startTestApp({ GRAPHQL_CONCURRENCY: String(CALLS), GRAPHQL_CALLER_CONCURRENCY: String(CALLS), RATE_LIMIT_PER_MINUTE: '100000' });
  }, 60_000);
  afterAll(() => app.close());

  it(`runs ${CALLS} concurrent createCommitment and then ${CALLS} concurrent updateCommitment calls to completion, and still answers afterwards`, async () => {
    const created = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        app.gql(CREATE, {
          input: { agreementId: SEED_IDS.agreements.migrationTalks, title: `Concurrent commitment ${i}`, partyCodes: ['MX', 'US'], themes: ['anti-smuggling'] },
        }),
      ),
    );
    for (const res of created) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.createCommitment.commitment).toMatchObject({ version: 1, themes: [{ slug: 'anti-smuggling' }] });
    }
    const ids: string[] = created.map((res) => res.data!.createCommitment.commitment.id);
    expect(new Set(ids).size).toBe(CALLS);

    const updated = await Promise.all(
      ids.map((id) => app.gql(UPDATE, { input: { id, expectedVersion: 1, partyCodes: ['MX'], themes: ['anti-smuggling', 'border-enforcement'] } })),
    );
    for (const res of updated) {
      expect(res.errors).toBeUndefined();
      const commitment = res.data!.updateCommitment.commitment;
      expect(commitment.version).toBe(2);
      expect(commitment.parties).toEqual([{ code: 'MX' }]);
      expect(commitment.themes.map((t: { slug: string }) => t.slug).sort()).toEqual(['anti-smuggling', 'border-enforcement']);
    }
    const [{ n }] = await app.sql(
      `SELECT count(*)::int AS n FROM activity WHERE verb IN ('commitment.created', 'commitment.updated') AND subject_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(n).toBe(2 * CALLS);

    expect((await app.gql(ME)).data).toEqual({ me: { user: { email: DEMO_USERS.analyst.email } } });
    expect(await app.signIn(DEMO_USERS.viewer.email)).toEqual(expect.any(String));
  }, 120_000);
});

describe('connections: a pool that has no connection to give in time answers UNAVAILABLE, never a hang', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DATABASE_POOL_SIZE: '1', DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '300' });
  }, 60_000);
  afterAll(() => app.close());

  it('answers 503 with Retry-After and code UNAVAILABLE while the only connection is held, and serves again once it is back', async () => {
    const held = app.running.dataSource.createQueryRunner();
    await held.connect();
    try {
      const res = await app.request({ query: ME, token: app.tokens.analyst });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toEqual({ code: 'UNAVAILABLE', retryAfter: Number(res.headers.get('retry-after')) });
      expect(res.errors![0].message).not.toMatch(/timeout exceeded|pg|pool/i);
    } finally {
      await held.release();
    }
    const again = await app.request({ query: ME, token: app.tokens.analyst });
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ me: { user: { email: DEMO_USERS.analyst.email } } });
  });
});
