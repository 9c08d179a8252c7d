import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { signUpAndConfirm } from './support/accounts';
import { activitySince, expectError, lastActivityId, rowCounts } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const WORKSPACE = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
const KEY_FIELDS = 'id name prefix scope createdAt lastUsedAt revokedAt';
const Q = {
  me: `query { me { kind role permissions user { id } apiKey { ${KEY_FIELDS} } workspace { id } memberships { role } } }`,
  apiKeys: `query { apiKeys { ${KEY_FIELDS} } }`,
  commitments: 'query { commitments(first: 10) { totalCount edges { node { id status version } } } }',
  commitment: 'query($id: ID!) { commitment(id: $id) { id status version } }',
  activity: 'query { activity(first: 1) { edges { node { verb subjectId actorType actorLabel } } } }',
  create: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${KEY_FIELDS} } } }`,
  revoke: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { ${KEY_FIELDS} } } }`,
  changeStatus: `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) {
    commitment { id status version } statusChange { from to actor } } }`,
  addEvidence: 'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }',
  createAgreement: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } } }',
  signOut: 'mutation { signOut { done } }',
  changePassword: 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { done } }',
  createWorkspace: 'mutation($input: WorkspaceNameInput!) { createWorkspace(input: $input) { workspace { id } } }',
};
const KEY_FORMAT = /^pw_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

describe('API keys: made by owners and admins, shown once, scoped, revocable, and recorded as the actor', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  /** Tracker tables, activity and the key and account tables: what a refused request must leave alone. */
  const counts = async () => {
    const [row] = await app.sql(`SELECT
      (SELECT count(*)::int FROM api_keys) AS api_keys,
      (SELECT count(*)::int FROM api_keys WHERE revoked_at IS NOT NULL) AS revoked_keys,
      (SELECT count(*)::int FROM sessions WHERE revoked_at IS NULL) AS open_sessions,
      (SELECT count(*)::int FROM workspaces) AS workspaces,
      (SELECT count(*)::int FROM users) AS users`);
    return { ...row, ...(await rowCounts(app)), lastActivity: await lastActivityId(app) };
  };

  const refused = async (request: () => Promise<GqlResponse>, code: string, field?: string) => {
    const before = await counts();
    const error = expectError(await request(), code, field);
    expect(await counts()).toEqual(before);
    return error;
  };

  const call = (query: string, token: string | null, input?: Record<string, unknown>, headers?: Record<string, string>) =>
    app.request({ query, variables: input && { input }, token, headers });

  const createKey = async (name: string, scope: 'READ' | 'READ_WRITE', token = app.tokens.owner) => {
    const res = await call(Q.create, token, { name, scope });
    expect(res.errors).toBeUndefined();
    return res.data!.createApiKey as { secret: string; apiKey: Record<string, any> };
  };

  const stored = async (id: string) =>
    (await app.sql('SELECT status, version FROM commitments WHERE id = $1', [id]))[0] as { status: string; version: number };

  describe('a READ_WRITE key', () => {
    let key: { secret: string; apiKey: Record<string, any> };

    it('is created by the owner; the payload carries the secret, pw_<12 hex>_…, this once', async () => {
      const lastActivity = await lastActivityId(app);
      key = await createKey('  Ministry dashboard ', 'READ_WRITE');
      expect(key.secret).toMatch(KEY_FORMAT);
      expect(key.apiKey).toMatchObject({ name: 'Ministry dashboard', scope: 'READ_WRITE', lastUsedAt: null, revokedAt: null });
      expect(key.apiKey.prefix).toBe(KEY_FORMAT.exec(key.secret)![1]);

      const [row] = await app.sql("SELECT workspace_id, prefix, encode(secret_hash, 'hex') AS hash FROM api_keys WHERE id = $1", [key.apiKey.id]);
      expect(row).toMatchObject({ workspace_id: WORKSPACE, prefix: key.apiKey.prefix });
      expect(row.hash).not.toContain(Buffer.from(key.secret).toString('hex'));
      const rows = await activitySince(app, lastActivity);
      expect(rows.map((r) => r.verb)).toEqual(['api_key.created']);
      expect(JSON.stringify(rows)).not.toContain(key.secret);
    });

    it('apiKeys lists it with its prefix, and no answer ever carries the secret again', async () => {
      const res = await call(Q.apiKeys, app.tokens.owner);
      expect(res.errors).toBeUndefined();
      expect(res.data!.apiKeys[0]).toEqual(key.apiKey);
      expect(res.data!.apiKeys.map((k: any) => k.name)).toEqual(['Ministry dashboard', 'Demo read-only key']);
      const text = JSON.stringify(res);
      const secretPart = key.secret.slice(`pw_${key.apiKey.prefix}_`.length);
      expect(text).not.toContain(key.secret);
      expect(text).not.toContain(secretPart);
      // There is no field to ask for it either.
      expectError(await call('query { apiKeys { id secret } }', app.tokens.owner), 'BAD_USER_INPUT');
    });

    it('reads the commitments of its workspace', async () => {
      const res = await call(Q.commitments, key.secret);
      expect(res.errors).toBeUndefined();
      const [{ n }] = await app.sql('SELECT count(*)::int AS n FROM commitments WHERE workspace_id = $1', [WORKSPACE]);
      expect(res.data!.commitments.totalCount).toBe(n);
      expect(n).toBeGreaterThan(0);
    });

    it('changes a status, and the activity row records the API key, by name, as the actor', async () => {
      const before = await stored(C.mxSmuggling);
      const lastActivity = await lastActivityId(app);
      const res = await call(Q.changeStatus, key.secret, { commitmentId: C.mxSmuggling, expectedVersion: before.version, status: 'IN_PROGRESS', note: 'Checkpoints opened.' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeCommitmentStatus.commitment).toEqual({ id: C.mxSmuggling, status: 'IN_PROGRESS', version: before.version + 1 });
      expect(res.data!.changeCommitmentStatus.statusChange.actor).toContain('Ministry dashboard');
      expect(await stored(C.mxSmuggling)).toEqual({ status: 'IN_PROGRESS', version: before.version + 1 });

      const rows = await app.sql('SELECT verb, subject_id, actor_type, actor_id, actor_label FROM activity WHERE id > $1::bigint', [lastActivity]);
      expect(rows).toEqual([
        { verb: 'commitment.status_changed', subject_id: C.mxSmuggling, actor_type: 'API_KEY', actor_id: key.apiKey.id, actor_label: expect.stringContaining('Ministry dashboard') },
      ]);
      const feed = await call(Q.activity, app.tokens.viewer);
      expect(feed.data!.activity.edges[0].node).toEqual({
        verb: 'commitment.status_changed', subjectId: C.mxSmuggling, actorType: 'API_KEY', actorLabel: expect.stringContaining('Ministry dashboard'),
      });
    });

    it('gets lastUsedAt set once it has been used', async () => {
      const listed = (await call(Q.apiKeys, app.tokens.owner)).data!.apiKeys.find((k: any) => k.id === key.apiKey.id);
      expect(listed.lastUsedAt).toEqual(expect.any(String));
      expect(new Date(listed.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(key.apiKey.createdAt).getTime());
    });

    it('me shows kind API_KEY, the key, its workspace and the permissions of its scope', async () => {
      const res = await call(Q.me, key.secret);
      expect(res.errors).toBeUndefined();
      expect(res.data!.me).toEqual({
        kind: 'API_KEY',
        role: null,
        permissions: ['READ', 'WRITE'],
        user: null,
        apiKey: expect.objectContaining({ id: key.apiKey.id, name: 'Ministry dashboard', prefix: key.apiKey.prefix, scope: 'READ_WRITE' }),
        workspace: { id: WORKSPACE },
        memberships: [],
      });
      expect(JSON.stringify(res)).not.toContain(key.secret);
    });

    it('cannot call operations for people: signOut, changePassword, createWorkspace are FORBIDDEN and the key goes on working', async () => {
      await refused(() => call(Q.signOut, key.secret), 'FORBIDDEN');
      await refused(() => call(Q.changePassword, key.secret, { currentPassword: 'pactwatch-demo', newPassword: 'a-new-password-123' }), 'FORBIDDEN');
      await refused(() => call(Q.createWorkspace, key.secret, { name: 'Key-made workspace' }), 'FORBIDDEN');
      expect((await call(Q.me, key.secret)).data!.me.kind).toBe('API_KEY');
    });

    it('cannot make or revoke keys', async () => {
      await refused(() => call(Q.create, key.secret, { name: 'Spawned', scope: 'READ_WRITE' }), 'FORBIDDEN');
      await refused(() => call(Q.revoke, key.secret, { apiKeyId: key.apiKey.id }), 'FORBIDDEN');
      await refused(() => call(Q.apiKeys, key.secret), 'FORBIDDEN');
    });

    it('is revoked by revokeApiKey: its next request is UNAUTHENTICATED saying so, and writes nothing', async () => {
      const res = await call(Q.revoke, app.tokens.owner, { apiKeyId: key.apiKey.id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.revokeApiKey.apiKey).toMatchObject({ id: key.apiKey.id, revokedAt: expect.any(String) });

      const error = await refused(() => call(Q.commitments, key.secret), 'UNAUTHENTICATED');
      expect(error.message).toMatch(/revoked/i);
      const { version } = await stored(C.mxSmuggling);
      await refused(() => call(Q.changeStatus, key.secret, { commitmentId: C.mxSmuggling, expectedVersion: version, status: 'STALLED', reasonCode: 'CAPACITY', note: 'x' }), 'UNAUTHENTICATED');
      expect(await stored(C.mxSmuggling)).toEqual({ status: 'IN_PROGRESS', version });
      const listed = (await call(Q.apiKeys, app.tokens.owner)).data!.apiKeys.find((k: any) => k.id === key.apiKey.id);
      expect(listed.revokedAt).toEqual(res.data!.revokeApiKey.apiKey.revokedAt);
    });
  });

  describe('a READ key', () => {
    it('reads, and me shows the READ permission only', async () => {
      const res = await call(Q.commitments, app.tokens.readKey);
      expect(res.errors).toBeUndefined();
      expect(res.data!.commitments.totalCount).toBeGreaterThan(0);
      const me = (await call(Q.me, app.tokens.readKey)).data!.me;
      expect(me).toMatchObject({ kind: 'API_KEY', permissions: ['READ'], apiKey: { scope: 'READ', name: 'Demo read-only key' }, user: null });
    });

    it('is FORBIDDEN any write, and nothing is written', async () => {
      const before = await stored(C.mxHumaneBorder);
      await refused(() => call(Q.changeStatus, app.tokens.readKey, { commitmentId: C.mxHumaneBorder, expectedVersion: before.version, status: 'IN_PROGRESS', note: 'x' }), 'FORBIDDEN');
      await refused(() => call(Q.addEvidence, app.tokens.readKey, { commitmentId: C.mxHumaneBorder, title: 'A source', url: 'https://example.org/a' }), 'FORBIDDEN');
      await refused(() => call(Q.createAgreement, app.tokens.readKey, { title: 'Talks', kind: 'MEETING', partyCodes: ['US', 'MX'] }), 'FORBIDDEN');
      expect(await stored(C.mxHumaneBorder)).toEqual(before);
    });

    it('has lastUsedAt set after use', async () => {
      await app.sql("UPDATE api_keys SET last_used_at = NULL WHERE name = 'Demo read-only key'");
      const listed = () => call(Q.apiKeys, app.tokens.owner).then((r) => r.data!.apiKeys.find((k: any) => k.name === 'Demo read-only key'));
      expect((await listed()).lastUsedAt).toBeNull();
      expect((await call(Q.commitments, app.tokens.readKey)).errors).toBeUndefined();
      expect((await listed()).lastUsedAt).toEqual(expect.any(String));
    });
  });

  describe('keys that are not valid', () => {
    it('a malformed key (pw_nothex) is UNAUTHENTICATED', async () => {
      await refused(() => call(Q.commitments, 'pw_nothex'), 'UNAUTHENTICATED');
      await refused(() => call(Q.me, 'pw_nothex'), 'UNAUTHENTICATED');
    });

    it('a valid-looking key with a wrong secret is UNAUTHENTICATED, and does not count as a use of the real key', async () => {
      const real = await createKey('Never used', 'READ_WRITE');
      const wrong = `pw_${real.apiKey.prefix}_${'A'.repeat(43)}`;
      expect(wrong).toMatch(KEY_FORMAT);
      expect(wrong).not.toBe(real.secret);
      const error = await refused(() => call(Q.commitments, wrong), 'UNAUTHENTICATED');
      expect(error.message).not.toMatch(/revoked/i);
      await refused(() => call(Q.commitments, `pw_${'0'.repeat(12)}_${'A'.repeat(43)}`), 'UNAUTHENTICATED');
      expect(await app.sql('SELECT last_used_at FROM api_keys WHERE id = $1', [real.apiKey.id])).toEqual([{ last_used_at: null }]);
      // The real secret works.
      expect((await call(Q.me, real.secret)).data!.me.apiKey.id).toBe(real.apiKey.id);
    });
  });

  describe('workspaces and who may manage keys', () => {
    let otherWorkspace: string;
    let otherOwner: string;
    beforeAll(async () => {
      const signedUp = await signUpAndConfirm(app, { email: 'elsewhere@example.org', name: 'Elsa Elsewhere', password: 'correct-horse-battery', workspaceName: 'Elsewhere' });
      otherWorkspace = signedUp.workspace.id;
      otherOwner = signedUp.token;
    });

    it('a key sent with x-workspace-id of another workspace is FORBIDDEN; its own is fine', async () => {
      await refused(() => call(Q.commitments, app.tokens.readKey, undefined, { 'x-workspace-id': otherWorkspace }), 'FORBIDDEN');
      const own = await call(Q.commitments, app.tokens.readKey, undefined, { 'x-workspace-id': WORKSPACE });
      expect(own.errors).toBeUndefined();
      expect(own.data!.commitments.totalCount).toBeGreaterThan(0);
    });

    it("a key of another workspace sees none of this workspace's data", async () => {
      const theirs = await createKey('Elsewhere reader', 'READ', otherOwner);
      const list = await call(Q.commitments, theirs.secret);
      expect(list.data!.commitments.totalCount).toBe(0);
      const one = await app.request({ query: Q.commitment, variables: { id: C.mxSmuggling }, token: theirs.secret });
      expectError(one, 'NOT_FOUND');
      const ownKeys = (await call(Q.apiKeys, otherOwner)).data!.apiKeys;
      expect(ownKeys.map((k: any) => k.name)).toEqual(['Elsewhere reader']);
    });

    it('an ANALYST or a VIEWER calling createApiKey is FORBIDDEN, and no key is made', async () => {
      await refused(() => call(Q.create, app.tokens.analyst, { name: 'Analyst key', scope: 'READ' }), 'FORBIDDEN');
      await refused(() => call(Q.create, app.tokens.viewer, { name: 'Viewer key', scope: 'READ' }), 'FORBIDDEN');
      await refused(() => call(Q.apiKeys, app.tokens.analyst), 'FORBIDDEN');
      await refused(() => call(Q.create, null, { name: 'Anonymous key', scope: 'READ' }), 'UNAUTHENTICATED');
      expect(await app.sql("SELECT id FROM api_keys WHERE name IN ('Analyst key', 'Viewer key', 'Anonymous key')")).toEqual([]);
    });

    it("an owner cannot revoke another workspace's key", async () => {
      const [theirs] = await app.sql('SELECT id FROM api_keys WHERE workspace_id = $1', [otherWorkspace]);
      await refused(() => call(Q.revoke, app.tokens.owner, { apiKeyId: theirs.id }), 'NOT_FOUND');
    });
  });
});
