import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { getNamedType, GraphQLNamedType, GraphQLSchema, isEnumType, isLeafType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectNoLeak } from './support/expectations';
import { buildCall, FillPolicy, loadServedSchema, Operation, operationsOf, RefKind, refSlotsOf, resolveVersions } from './support/schema-walk';
import { refsOf, WorkspaceRefs } from './support/tenancy';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * Who may call what: every Query and Mutation the API serves × every kind of caller of the
 * seeded workspace, against a table of access rules. The operations come from the schema, so a
 * new one fails here until it is classified.
 */

const A = SEED_IDS.workspace;

/**
 * The access rule of every operation, copied from its @Access decorator
 * (apps/api/src/modules/**\/*.resolver.ts). `<Permission>+PERSON`: the decorator says the
 * permission, and the service then refuses API keys (personOf / assertPerson), so in effect only
 * a signed-in person holding it gets through.
 */
type Rule = 'PUBLIC' | 'SIGNED_IN' | 'PERSON' | Permission | `${Permission}+PERSON`;
type Permission = 'READ' | 'WRITE' | 'MANAGE_MEMBERS' | 'MANAGE_KEYS' | 'MANAGE_WORKSPACE';

const QUERY_RULES: Record<string, Rule> = {
  activity: 'READ',
  changes: 'READ',
  agreement: 'READ',
  agreements: 'READ',
  apiKeys: 'MANAGE_KEYS',
  commitment: 'READ',
  comments: 'READ',
  commitments: 'READ',
  commitmentStatusCounts: 'READ',
  countries: 'READ',
  digestDeliveries: 'MANAGE_MEMBERS',
  digestPreview: 'READ+PERSON',
  digestRecipients: 'MANAGE_MEMBERS',
  invitations: 'MANAGE_MEMBERS',
  me: 'SIGNED_IN',
  members: 'READ',
  memberSearch: 'READ',
  myDigestSubscription: 'READ+PERSON',
  notifications: 'READ+PERSON',
  organizations: 'READ',
  outbox: 'MANAGE_MEMBERS',
  parties: 'READ',
  people: 'READ',
  reminderSettings: 'MANAGE_MEMBERS',
  savedViews: 'READ',
  themes: 'READ',
  webhookDeliveries: 'MANAGE_KEYS',
  webhookEndpoints: 'MANAGE_KEYS',
};

const MUTATION_RULES: Record<string, Rule> = {
  acceptInvitation: 'PUBLIC',
  addComment: 'WRITE+PERSON',
  addCountryParty: 'WRITE',
  addDigestRecipient: 'MANAGE_MEMBERS',
  addEvidence: 'WRITE',
  deleteView: 'READ+PERSON',
  saveView: 'READ+PERSON',
  updateView: 'READ+PERSON',
  archiveAgreement: 'WRITE',
  assignCommitment: 'WRITE',
  archiveCommitment: 'WRITE',
  archiveEvidence: 'WRITE',
  changeCommitmentStatus: 'WRITE',
  recordProgress: 'WRITE',
  changeMemberRole: 'MANAGE_MEMBERS',
  changePassword: 'PERSON',
  confirmDigestRecipient: 'PUBLIC',
  confirmSignUp: 'PUBLIC',
  createAgreement: 'WRITE',
  createApiKey: 'MANAGE_KEYS',
  createCommitment: 'WRITE',
  createIndicator: 'WRITE',
  createOrganization: 'WRITE',
  createParty: 'WRITE',
  createPerson: 'WRITE',
  createTheme: 'WRITE',
  createWebhookEndpoint: 'MANAGE_KEYS',
  createWorkspace: 'PERSON',
  deleteComment: 'WRITE+PERSON',
  deleteWebhookEndpoint: 'MANAGE_KEYS',
  detachEvidence: 'WRITE',
  editComment: 'WRITE+PERSON',
  inviteMember: 'MANAGE_MEMBERS',
  linkCommitments: 'WRITE',
  loadExampleData: 'MANAGE_WORKSPACE',
  markNotificationsRead: 'READ+PERSON',
  recordObservation: 'WRITE',
  redeliverWebhook: 'MANAGE_KEYS',
  removeDigestRecipient: 'MANAGE_MEMBERS',
  removeMember: 'MANAGE_MEMBERS',
  renameWorkspace: 'MANAGE_WORKSPACE',
  requestPasswordReset: 'PUBLIC',
  resetPassword: 'PUBLIC',
  restoreAgreement: 'WRITE',
  restoreCommitment: 'WRITE',
  revokeApiKey: 'MANAGE_KEYS',
  revokeInvitation: 'MANAGE_MEMBERS',
  runDigests: 'MANAGE_MEMBERS',
  setOrganizationArchived: 'WRITE',
  setPartyArchived: 'WRITE',
  setPersonArchived: 'WRITE',
  setThemeArchived: 'WRITE',
  signIn: 'PUBLIC',
  signOut: 'PERSON',
  signUp: 'PUBLIC',
  switchWorkspace: 'PERSON',
  unassignCommitment: 'WRITE',
  unlinkCommitments: 'WRITE',
  unwatch: 'READ+PERSON',
  updateAgreement: 'WRITE',
  updateCommitment: 'WRITE',
  updateEvidence: 'WRITE',
  updateMyDigestSubscription: 'READ+PERSON',
  updateProfile: 'PERSON',
  updateReminderSettings: 'MANAGE_MEMBERS',
  updateOrganization: 'WRITE',
  updateParty: 'WRITE',
  updatePerson: 'WRITE',
  updateTheme: 'WRITE',
  updateWebhookEndpoint: 'MANAGE_KEYS',
  watch: 'READ+PERSON',
  watchFilter: 'READ+PERSON',
};

const RULES: Record<'query' | 'mutation', Record<string, Rule>> = { query: QUERY_RULES, mutation: MUTATION_RULES };

/** What each caller holds in the workspace (the product's roles and key scopes, written out). */
const CALLERS = {
  OWNER: { person: true, permissions: ['READ', 'WRITE', 'MANAGE_MEMBERS', 'MANAGE_KEYS', 'MANAGE_WORKSPACE'] },
  ADMIN: { person: true, permissions: ['READ', 'WRITE', 'MANAGE_MEMBERS', 'MANAGE_KEYS'] },
  ANALYST: { person: true, permissions: ['READ', 'WRITE'] },
  VIEWER: { person: true, permissions: ['READ'] },
  READ_KEY: { person: false, permissions: ['READ'] },
  READ_WRITE_KEY: { person: false, permissions: ['READ', 'WRITE'] },
} as const;
type CallerName = keyof typeof CALLERS;

function allowed(rule: Rule, caller: CallerName): boolean {
  const { person, permissions } = CALLERS[caller];
  const [base, personOnly] = rule.split('+');
  if (personOnly && !person) return false;
  if (base === 'PUBLIC' || base === 'SIGNED_IN') return true;
  if (base === 'PERSON') return person;
  return (permissions as readonly string[]).includes(base);
}

/** Codes that mean the guard let the call through and the arguments were then refused. */
const PAST_THE_GUARD = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];

/** Rows a call may use up (remove, revoke, demote): each call gets fresh ones, so no call spoils the next. */
const CONSUMED: RefKind[] = ['user', 'apiKey', 'invitation', 'link'];

/** A member of A whose address and password the generic fill uses (sign-in, invitations, resets). */
const DUMMY = { email: `matrix-dummy-${randomBytes(4).toString('hex')}@example.test`, password: 'matrix-dummy-password' };
const ADMIN = { email: `matrix-admin-${randomBytes(4).toString('hex')}@example.test`, password: DEMO_PASSWORD };

describe('authorization matrix: every operation × every kind of caller, against the access rules', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let operations: Operation[];
  let aRefs: WorkspaceRefs;
  const tokens = {} as Record<CallerName, string>;
  const accounts: Partial<Record<CallerName, { email: string; password: string }>> = {
    OWNER: { email: DEMO_USERS.owner.email, password: DEMO_PASSWORD },
    ADMIN,
    ANALYST: { email: DEMO_USERS.analyst.email, password: DEMO_PASSWORD },
    VIEWER: { email: DEMO_USERS.viewer.email, password: DEMO_PASSWORD },
  };

  const addMember = async (account: { email: string; password: string }, role: string) => {
    const id = randomUUID();
    await app.sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [id, account.email, `Matrix ${role}`, await hash(account.password)]);
    await app.sql('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [A, id, role]);
  };

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    schema = await loadServedSchema(app, app.tokens.owner);
    operations = operationsOf(schema);
    await addMember(ADMIN, 'ADMIN');
    await addMember(DUMMY, 'VIEWER');
    tokens.OWNER = app.tokens.owner;
    tokens.ADMIN = await app.signIn(ADMIN.email, ADMIN.password);
    tokens.ANALYST = app.tokens.analyst;
    tokens.VIEWER = app.tokens.viewer;
    tokens.READ_KEY = app.tokens.readKey;
    const key = await app.request<any>({
      query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      variables: { input: { name: 'Matrix read-write key', scope: 'READ_WRITE' } },
      token: app.tokens.owner,
    });
    tokens.READ_WRITE_KEY = key.data.createApiKey.secret;
    // Rows of the digest features too, where they are served, so their ids are real.
    const has = (name: string) => operations.some((o) => o.name === name);
    if (has('watch')) {
      await app.request({ query: 'mutation { watch(input: { subjectType: COMMITMENT, subjectId: "00000000-0000-4000-8000-000000000701" }) { watch { id } } }', token: tokens.OWNER });
    }
    if (has('saveView')) {
      await app.request({ query: 'mutation { saveView(input: { name: "Matrix shared view", filter: { status: [IN_PROGRESS] }, shared: true }) { view { id } } }', token: tokens.OWNER });
    }
    if (has('addDigestRecipient')) {
      await app.request({ query: 'mutation { addDigestRecipient(input: { email: "matrix-reader@example.test" }) { subscription { id } } }', token: tokens.OWNER });
    }
    aRefs = await refsOf(app, A);
  });
  afterAll(() => app?.close());

  /** The caller's credentials, signed in again when a call (signOut) ended its session. */
  const tokenOf = async (caller: CallerName): Promise<string> => {
    const account = accounts[caller];
    if (!account) return tokens[caller];
    const alive = await app.request({ query: '{ me { kind } }', token: tokens[caller] });
    if (alive.errors) tokens[caller] = await app.signIn(account.email, account.password);
    return tokens[caller];
  };

  /** Fresh rows of A for the references a call may use up. */
  const freshRefs = async (kinds: Set<RefKind>): Promise<Partial<WorkspaceRefs>> => {
    const fresh: Partial<WorkspaceRefs> = {};
    const id = randomUUID();
    if (kinds.has('user')) {
      await app.sql(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'Matrix victim', 'no password')`, [id, `victim-${id}@example.test`]);
      await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [A, id]);
      fresh.user = [id];
    }
    if (kinds.has('apiKey')) {
      await app.sql(`INSERT INTO api_keys (id, workspace_id, name, prefix, secret_hash, scope) VALUES ($1, $2, 'Matrix victim', $3, $4, 'READ')`, [id, A, randomBytes(6).toString('hex'), randomBytes(32)]);
      fresh.apiKey = [id];
    }
    if (kinds.has('invitation')) {
      await app.sql(
        `INSERT INTO invitations (id, workspace_id, email, role, token_hash, expires_at) VALUES ($1, $2, $3, 'VIEWER', $4, now() + interval '1 day')`,
        [id, A, `invitee-${id}@example.test`, randomBytes(32)],
      );
      fresh.invitation = [id];
    }
    if (kinds.has('link')) {
      const [row] = await app.sql<{ id: string }>(
        `INSERT INTO commitment_links (id, workspace_id, from_commitment_id, to_commitment_id, kind)
         SELECT $1, $2, f.id, t.id, k.kind FROM commitments f, commitments t, (VALUES ('DEPENDS_ON'), ('SUPERSEDES'), ('RECIPROCAL')) k(kind)
         WHERE f.workspace_id = $2 AND t.workspace_id = $2 AND f.id <> t.id
           AND NOT EXISTS (SELECT 1 FROM commitment_links l WHERE l.from_commitment_id = f.id AND l.to_commitment_id = t.id AND l.kind = k.kind)
         ORDER BY f.id, t.id, k.kind LIMIT 1 RETURNING id`,
        [id, A],
      );
      fresh.link = [row.id];
    }
    return fresh;
  };

  /** One call of the operation with A's own ids, every argument given; as `caller`, or anonymously. */
  const callAs = async (op: Operation, caller: CallerName | null): Promise<GqlResponse> => {
    const kinds = new Set(refSlotsOf(op).map((s) => s.kind).filter((k) => CONSUMED.includes(k)));
    const refs = { ...aRefs, ...(await freshRefs(kinds)) };
    const policy: FillPolicy = {
      include: () => true,
      ref: (slot, ordinal) => {
        const pool = refs[slot.kind];
        if (slot.kind === 'partyCode' && slot.list) return pool;
        const one = pool[ordinal % pool.length] ?? randomUUID();
        return slot.list ? [one] : one;
      },
      credentials: DUMMY,
      address: DUMMY.email,
    };
    const call = buildCall(op, policy);
    await resolveVersions(app, call);
    return app.request({ query: call.query, variables: call.variables, token: caller ? await tokenOf(caller) : null });
  };

  /** What is wrong with the answer, given whether the caller should have got through. */
  const judge = (res: GqlResponse, shouldPass: boolean | 'UNAUTHENTICATED'): string | null => {
    try {
      expectNoLeak(res);
    } catch {
      return 'shows server internals';
    }
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    if (shouldPass === true) {
      const wrong = codes.filter((c) => !PAST_THE_GUARD.includes(c));
      return wrong.length ? `expected to get past the guard, answered ${wrong.join(', ')}: ${res.errors!.map((e) => e.message).join('; ')}` : null;
    }
    const code = shouldPass === false ? 'FORBIDDEN' : 'UNAUTHENTICATED';
    if (codes.length === 1 && codes[0] === code && (res.data ?? null) === null) return null;
    return `expected ${code}, answered ${codes.length ? codes.join(', ') : JSON.stringify(res.data)}`;
  };

  it('classifies every operation the API serves, and names none it does not', () => {
    for (const type of ['query', 'mutation'] as const) {
      const served = operationsOf(schema, type).map((o) => o.name);
      expect({ type, unclassified: served.filter((n) => !(n in RULES[type])) }).toEqual({ type, unclassified: [] });
      expect({ type, notServed: Object.keys(RULES[type]).filter((n) => !served.includes(n)) }).toEqual({ type, notServed: [] });
    }
  });

  describe.each(Object.keys(CALLERS) as CallerName[])('%s', (caller) => {
    it.each(['query', 'mutation'] as const)(`every %s: allowed or FORBIDDEN as the rule says for ${caller}`, async (type) => {
      const problems: string[] = [];
      let checked = 0;
      for (const op of operationsOf(schema, type)) {
        const rule = RULES[type][op.name];
        if (!rule) continue; // reported by the classification test
        const problem = judge(await callAs(op, caller), allowed(rule, caller));
        if (problem) problems.push(`${type} ${op.name} (${rule}): ${problem}`);
        checked++;
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    }, 60_000);
  });

  it('every operation but the PUBLIC ones answers an anonymous call with UNAUTHENTICATED; PUBLIC ones let it through', async () => {
    const problems: string[] = [];
    for (const op of operations) {
      const rule = RULES[op.type][op.name];
      if (!rule) continue;
      const problem = judge(await callAs(op, null), rule === 'PUBLIC' ? true : 'UNAUTHENTICATED');
      if (problem) problems.push(`${op.type} ${op.name} (${rule}): ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  // Queries run on graphql-jit with leaf serialization off (common/graphql/compiled-executor.ts): enum
  // and built-in scalar values go out as the resolvers return them. Every query the API serves,
  // filled a few levels deep from the seeded workspace, must then still answer each in its JSON form.
  it('every query answers built-in scalars and enums in their JSON form (graphql-jit writes them as resolved)', async () => {
    const problems: string[] = [];
    const seen = new Map<string, number>();
    const check = (type: GraphQLNamedType, value: unknown, path: string) => {
      if (value === null) return;
      if (Array.isArray(value)) return value.forEach((v, i) => check(type, v, `${path}.${i}`));
      if (isObjectType(type)) {
        for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
          if (key !== '__typename') check(getNamedType(type.getFields()[key].type), v, `${path}.${key}`);
        }
        return;
      }
      if (!isLeafType(type) || !(isEnumType(type) || isSpecifiedScalarType(type))) return;
      const ok = isEnumType(type)
        ? typeof value === 'string' && type.getValue(value) !== undefined
        : { ID: typeof value === 'string', String: typeof value === 'string', Int: Number.isInteger(value), Float: Number.isFinite(value), Boolean: typeof value === 'boolean' }[type.name];
      const kind = isEnumType(type) ? 'enum' : type.name;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (!ok) problems.push(`${path}: ${JSON.stringify(value)} is not a ${type.name}`);
    };
    for (const op of operationsOf(schema, 'query')) {
      const res = await callAs(op, 'OWNER');
      if (res.data) check(schema.getQueryType()!, res.data, op.name);
    }
    // Indicator values (the only Float) lie deeper than the walk goes.
    const values = await app.request({
      query: '{ commitments(first: 20) { edges { node { indicators { latestObservation { value current } observations { value } } } } } }',
      token: tokens.OWNER,
    });
    check(schema.getQueryType()!, values.data, 'commitments');
    expect(problems).toEqual([]);
    // The walk reached every kind of leaf.
    for (const kind of ['ID', 'String', 'Int', 'Float', 'Boolean', 'enum']) expect({ kind, seen: (seen.get(kind) ?? 0) > 0 }).toEqual({ kind, seen: true });
  }, 60_000);

  it('left every caller able to work: the destructive calls used rows made for them', async () => {
    for (const caller of Object.keys(CALLERS) as CallerName[]) {
      const res = await app.request<any>({ query: '{ me { permissions } }', token: await tokenOf(caller) });
      expect({ caller, permissions: res.data?.me.permissions.slice().sort() }).toEqual({ caller, permissions: [...CALLERS[caller].permissions].sort() });
    }
  });
});
