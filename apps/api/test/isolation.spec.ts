import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLSchema } from 'graphql';
import { DEMO_USERS } from '../src/database/seeds/demo-accounts';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { signUpAndConfirm } from './support/accounts';
import { COUNTRIES } from '../src/modules/parties/countries';
import { expectError, expectNoLeak } from './support/expectations';
import {
  buildCall,
  BuiltCall,
  FillPolicy,
  loadServedSchema,
  Operation,
  operationsOf,
  queryInputTypes,
  RefSlot,
  refSlotsOf,
  resolveVersions,
  staleHints,
} from './support/schema-walk';
import { crossWorkspaceReferences, fingerprint, idsOf, refsOf, textsOf, WorkspaceRefs } from './support/tenancy';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/*
 * Workspace isolation over every Query and Mutation the API serves: the owner of a second
 * workspace (B) calls each operation with the ids, party codes and theme slugs of the seeded
 * workspace (A), and gets nothing of A back, an answer no different from the one for ids that
 * never existed, and changes nothing of A. The operations come from the schema, so a new one is
 * covered the day it is served.
 */

const A = SEED_IDS.workspace;

/**
 * Operations whose generic call cannot reach A's data: they take no reference to a row. They
 * are still called, as B's owner, and held to the same rules (nothing of A in the answer, no
 * INTERNAL error, nothing of A changed); listed so that it is a decision, not an oversight.
 */
const CANNOT_REACH_A: Record<string, string> = {
  acceptInvitation: 'the emailed token is the only key to another workspace; a random one names no invitation',
  resetPassword: 'the emailed token is the only key to an account; a random one names none',
  requestPasswordReset: 'answers the same for any address, and takes no reference to a row',
  signUp: "mails a link to the address it is given and answers the same for any (here B's owner's, which has an account)",
  confirmSignUp: 'the emailed token is the only key; a random one names no sign-up',
  signOut: "takes no argument and ends the caller's own session",
  changePassword: "acts on the caller's own account only",
  updateProfile: "acts on the caller's own account only",
  createWorkspace: 'makes a new workspace for the caller and takes no reference',
  addCountryParty: "adds a country to the caller's own workspace, by its ISO code, which names no row",
  createParty: "adds a party to the caller's own workspace and takes no reference",
  createTheme: "adds a theme to the caller's own workspace and takes no reference",
  loadExampleData: "writes the example into the caller's own workspace (refused here: B has agreements)",
};

const ASSIGN = 'mutation($input: AssignCommitmentInput!) { assignCommitment(input: $input) { changed } }';

/** Operations that take a member by userId and answer one who is not a member of the workspace with BAD_USER_INPUT. */
const ASSIGNING = new Set(['assignCommitment', 'unassignCommitment']);

/** Error codes that may answer a call naming another workspace's rows; anything else (INTERNAL above all) fails. */
const ACCEPTED_CODES = ['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN', 'CONFLICT'];

const B_OWNER = { email: `b-owner-${randomBytes(4).toString('hex')}@example.test`, password: 'b-owner-password-1', name: 'Bea Beyond' };
/** An address only A has written to (an invitation): B's calls that take an address get it. */
const A_INVITEE = 'invited-to-a@example.test';

interface Variant {
  name: string;
  include: FillPolicy['include'];
  /** Which workspace a reference points into. */
  from(slot: RefSlot): 'A' | 'B';
}

/**
 * The calls made of one operation: with every argument, with the required ones only (both with
 * all references into A), and for each reference on its own, that one into A and the required
 * others into B's own rows, once bare and once with every other optional argument.
 */
function variantsOf(op: Operation): Variant[] {
  const variants: Variant[] = [
    { name: 'every argument given, all references into A', include: () => true, from: () => 'A' },
    { name: 'required arguments only, all references into A', include: () => false, from: () => 'A' },
  ];
  const slots = refSlotsOf(op);
  if (slots.length > 1 || slots.some((s) => !s.required)) {
    for (const s of slots) {
      const from = (slot: RefSlot) => (slot.path === s.path ? 'A' : 'B');
      variants.push({
        name: `${s.path} into A, required references into B`,
        include: (path, slot) => (slot ? path === s.path : s.path.startsWith(`${path}.`)),
        from,
      });
      variants.push({
        name: `${s.path} into A, required references into B, every other optional argument given`,
        include: (path, slot) => (slot ? path === s.path : true),
        from,
      });
    }
  }
  return variants;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stringsIn(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(stringsIn);
  return x && typeof x === 'object' ? Object.values(x).flatMap(stringsIn) : [];
}

/** The positions of the values in sorted order: the API locks and checks ids in id order. */
function rankOf(values: string[]): string {
  return values.map((_, i) => i).sort((i, j) => (values[i] < values[j] ? -1 : values[i] > values[j] ? 1 : 0)).join(',');
}

/**
 * The call again with each A reference replaced by one of the same shape that names nothing
 * anywhere, and the pairs, to compare the answers. The new ids sort among the call's other ids
 * as the old ones did, so an API that checks ids in id order names the same argument first.
 */
function withNeverExisting(call: BuiltCall, sent: string[], takenCodes: Set<string>): { call: BuiltCall; pairs: [string, string][] } {
  const ids = [...new Set(stringsIn(call.variables).filter((v) => UUID.test(v)).map((v) => v.toLowerCase()))];
  const wanted = rankOf(ids);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const map = new Map<string, string>();
    let code = 0;
    for (const v of new Set(sent)) {
      if (UUID.test(v)) map.set(v, randomUUID());
      else if (/^[A-Z]{2}$/.test(v)) {
        while (takenCodes.has(`Q${letters[code]}`)) code++;
        map.set(v, `Q${letters[code++]}`);
      } else map.set(v, `no-such-${randomBytes(6).toString('hex')}`);
    }
    if (rankOf(ids.map((v) => map.get(v) ?? v)) !== wanted) continue;
    const swap = (x: unknown): unknown =>
      typeof x === 'string' ? (map.get(x) ?? x) : Array.isArray(x) ? x.map(swap) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, swap(v)])) : x;
    return { call: { ...call, variables: swap(call.variables) as Record<string, unknown> }, pairs: [...map.entries()] };
  }
  throw new Error(`no ids sorting like ${ids.join(', ')}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The answer with each given reference replaced by a placeholder (and, in what a change made,
 * its new ids and times masked), so two answers compare equal when only the references differ.
 */
function normalized(res: GqlResponse, values: string[]): string {
  let text = JSON.stringify({ data: res.data ?? null, errors: (res.errors ?? []).map(({ message, extensions, path }) => ({ message, extensions, path })) });
  values.forEach((v, i) => {
    text = text.replace(new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(v)}(?![A-Za-z0-9-])`, 'g'), `<ref ${i}>`);
  });
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<new id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
}

describe('workspace isolation: the owner of workspace B reaches nothing of workspace A, through any operation', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let operations: Operation[];
  let filterInputs: Set<string>;
  let bToken: string;
  let B: string;
  let aRefs: WorkspaceRefs;
  let bRefs: WorkspaceRefs;
  let aIds: Set<string>;
  let aTexts: string[];
  let takenCodes: Set<string>;
  let before: Record<string, string>;
  let calls = 0;
  /** A's values B has sent in some call (ids, codes, the address): B knows them, so its own rows may hold them. */
  const knownToB = new Set<string>([A_INVITEE]);

  /** B's owner's session, signed in again when an operation (signOut, changePassword) ended it. */
  const session = async () => {
    const alive = await app.request({ query: '{ me { kind } }', token: bToken });
    if (alive.errors) bToken = await app.signIn(B_OWNER.email, B_OWNER.password);
    return bToken;
  };
  const run = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.request({ query, variables, token });
    if (res.errors) throw new Error(`setup call failed: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  const has = (name: string) => operations.some((o) => o.name === name);

  /** Rows of the digest features (where served) in a workspace, through its owner. */
  const watchAndDigest = async (token: string, commitmentId: string, agreementId: string, recipient: string) => {
    if (has('watch')) await run(token, 'mutation($input: WatchInput!) { watch(input: $input) { watch { id } } }', { input: { subjectType: 'COMMITMENT', subjectId: commitmentId } });
    if (has('watchFilter')) {
      await run(token, 'mutation($input: WatchFilterInput!) { watchFilter(input: $input) { watch { id } } }', { input: { name: 'Everything of the agreement', filter: { agreementId } } });
    }
    if (has('saveView')) {
      await run(token, 'mutation($input: SaveViewInput!) { saveView(input: $input) { view { id } } }', { input: { name: 'Shared view of the agreement', filter: { agreementId }, shared: true } });
    }
    if (has('addDigestRecipient')) {
      await run(token, 'mutation($input: AddDigestRecipientInput!) { addDigestRecipient(input: $input) { subscription { id } } }', { input: { email: recipient, filter: { agreementId } } });
    }
  };

  beforeAll(async () => {
    // No digest scheduler: its poll fills in next_due_at of A's new digest subscriptions whenever it
    // runs, which changed A's fingerprint mid-test (seen on a busy machine); runDigests still runs.
    // Webhook endpoints on 127.0.0.1:9 (nothing listens: a redelivery fails at once), sent only when asked.
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', DIGEST_POLL_SECONDS: '0', NODE_ENV: 'test', WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS: 'true', WEBHOOK_POLL_SECONDS: '0' });
    schema = await loadServedSchema(app, app.tokens.owner);
    operations = operationsOf(schema);
    filterInputs = queryInputTypes(schema);

    // A has a row in every table: an invitation, watches, digest subscriptions too.
    await run(app.tokens.owner, 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }', { input: { email: A_INVITEE, role: 'ANALYST' } });
    await watchAndDigest(app.tokens.owner, SEED_IDS.commitments.mxSmuggling, SEED_IDS.agreements.migrationTalks, 'digest-reader-of-a@example.test');
    // An assignee in A: the analyst assigns the owner, who already watches the commitment and has digest
    // settings (a new subscription would be scheduled by the next digest poll, changing A mid-test).
    if (has('assignCommitment')) {
      await run(app.tokens.analyst, ASSIGN, { input: { commitmentId: SEED_IDS.commitments.mxSmuggling, userId: DEMO_USERS.owner.id } });
    }

    // B: an account and a workspace it owns, through the API…
    const signedUp = await signUpAndConfirm(app, { ...B_OWNER, workspaceName: 'Nordic fisheries accord tracker' });
    bToken = signedUp.token;
    B = signedUp.workspace.id;

    // …parties picked from the country list, an agency, an official and a theme of its own, through the API too…
    const asOwnerOfB = (query: string, variables: Record<string, unknown>) => run(bToken, query, variables);
    const party = (code: string) => asOwnerOfB('mutation($input: AddCountryPartyInput!) { addCountryParty(input: $input) { party { id } } }', { input: { code } });
    const no = (await party('NO')).party.id;
    await party('SE');
    const org = (await asOwnerOfB('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }', {
      input: { partyId: no, acronym: 'FKD', name: 'Nærings- og fiskeridepartementet' },
    })).organization.id;
    const person = (await asOwnerOfB('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', {
      input: { name: 'Kari Nordmann', title: 'Fisheries minister', organizationId: org },
    })).person.id;
    await asOwnerOfB('mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { id } } }', { input: { slug: 'quotas', name: 'Fishing quotas', nameEs: 'Cuotas de pesca' } });

    // …and one row of every other kind, as its owner.
    const asB = (query: string, variables: Record<string, unknown>) => run(bToken, query, variables);
    const agreement = (await asB('mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } } }', {
      input: { title: 'Nordic fisheries accord', kind: 'TREATY', partyCodes: ['NO', 'SE'], participantIds: [person] },
    })).agreement;
    const commitment = (title: string) => asB('mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } } }', {
      input: { agreementId: agreement.id, title, partyCodes: ['NO'], themes: ['quotas'], ownerOrganizationId: org, ownerPersonId: person, dueOn: '2030-01-01' },
    });
    const c1 = (await commitment('Norway to halve the cod quota')).commitment;
    const c2 = (await commitment('Sweden to monitor the Skagerrak')).commitment;
    const evidence = (await asB('mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id } } }', {
      input: { commitmentId: c1.id, title: 'Quota decision of the ministry', url: 'https://example.test/quota-decision' },
    })).evidence;
    const indicator = (await asB('mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { indicator { id } } }', {
      input: { commitmentId: c1.id, name: 'Cod landed', unit: 'tonnes' },
    })).indicator;
    await asB('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { observation { id } } }', {
      input: { indicatorId: indicator.id, asOf: '2024-06-30', value: 1200, evidenceId: evidence.id },
    });
    await asB('mutation($input: LinkCommitmentsInput!) { linkCommitments(input: $input) { link { id } } }', {
      input: { fromCommitmentId: c1.id, toCommitmentId: c2.id, kind: 'RECIPROCAL' },
    });
    await asB('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }', { input: { name: 'Fisheries dashboard', scope: 'READ' } });
    await asB('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }', { input: { email: 'invited-to-b@example.test', role: 'VIEWER' } });
    await watchAndDigest(bToken, c1.id, agreement.id, 'digest-reader-of-b@example.test');
    // Comments and the notifications of their @mentions: in A, the analyst mentions the owner; in B, its
    // owner comments first (the comment B's calls edit), then a second member (made in SQL, with the
    // demo password) mentions B's owner.
    if (has('addComment')) {
      const comment = 'mutation($input: AddCommentInput!) { addComment(input: $input) { comment { id } } }';
      await run(app.tokens.analyst, comment, {
        input: { subjectType: 'COMMITMENT', subjectId: SEED_IDS.commitments.mxSmuggling, body: 'Comment of workspace A, for its owner', mentionedUserIds: [DEMO_USERS.owner.id] },
      });
      await asB(comment, { input: { subjectType: 'COMMITMENT', subjectId: c1.id, body: 'Comment of the owner of workspace B' } });
      const [bOwner] = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [B_OWNER.email]);
      const colleague = { id: randomUUID(), email: `b-colleague-${randomBytes(4).toString('hex')}@example.test` };
      await app.sql(`INSERT INTO users (id, email, name, password_hash) SELECT $1, $2, 'Bjørn Colleague', password_hash FROM users WHERE id = $3`, [
        colleague.id,
        colleague.email,
        DEMO_USERS.owner.id,
      ]);
      await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'ANALYST')`, [B, colleague.id]);
      await run(await app.signIn(colleague.email), comment, {
        input: { subjectType: 'COMMITMENT', subjectId: c1.id, body: 'Comment of workspace B, for its owner', mentionedUserIds: [bOwner.id] },
      });
    }

    // Assignees, with the notification each brings, in B: its owner on one of its commitments.
    if (has('assignCommitment')) {
      const [bOwner] = await app.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [B_OWNER.email]);
      await asB(ASSIGN, { input: { commitmentId: c2.id, userId: bOwner.id } });
    }

    // A webhook endpoint and one delivery of it in each workspace (the delivery row as the job would write it).
    for (const [token, workspaceId] of [[app.tokens.owner, A], [bToken, B]] as const) {
      const created = await run(token, 'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }', {
        input: { url: 'http://127.0.0.1:9/hook', kinds: ['commitment.created'] },
      });
      await app.sql(
        `INSERT INTO webhook_deliveries (id, workspace_id, endpoint_id, activity_id, status, response_code)
         SELECT $1, $2, $3, max(id), 'SUCCEEDED', 204 FROM activity WHERE workspace_id = $2`,
        [randomUUID(), workspaceId, created.endpoint.id],
      );
    }

    aRefs = await refsOf(app, A);
    bRefs = await refsOf(app, B);
    aIds = await idsOf(app, A);
    // Country names come from the country list every workspace sees (countries): A's "United States" is not A's secret.
    const countryNames = COUNTRIES.map((c) => `${c.name}\n${c.nameEs}`).join('\n');
    aTexts = (await textsOf(app, A, B)).filter((t) => !countryNames.includes(t));
    takenCodes = new Set([...aRefs.partyCode, ...bRefs.partyCode]);
    before = await fingerprint(app, A);
  });
  afterAll(() => app?.close());

  it('lists as unreachable only operations that exist and indeed take no reference; its value hints name fields that exist', () => {
    const byName = new Map(operations.map((o) => [o.name, o]));
    expect(Object.keys(CANNOT_REACH_A).filter((name) => !byName.has(name))).toEqual([]);
    expect(Object.keys(CANNOT_REACH_A).filter((name) => refSlotsOf(byName.get(name)!).length > 0)).toEqual([]);
    expect(staleHints(schema)).toEqual([]);
  });

  it('has rows of every kind an operation can point at, in both workspaces', () => {
    const kinds = [...new Set(operations.flatMap((op) => refSlotsOf(op).map((s) => s.kind)))];
    expect(kinds.filter((kind) => !aRefs[kind]?.length || !bRefs[kind]?.length)).toEqual([]);
    expect(aTexts.length).toBeGreaterThan(20);
    expect(aIds.size).toBeGreaterThan(40);
  });

  /** What is wrong with an answer: anything of A in it (ids only where the call itself sent them), an error code not accepted, server internals. */
  const whatOfA = (res: GqlResponse, sent: string[]): string[] => {
    const text = JSON.stringify({ data: res.data ?? null, errors: res.errors ?? [] });
    const problems = [
      ...[...aIds].filter((id) => text.includes(id) && !sent.includes(id) && !knownToB.has(id)).map((id) => `shows A's id ${id}`),
      ...aTexts.filter((t) => !knownToB.has(t) && text.includes(JSON.stringify(t).slice(1, -1))).map((t) => `shows A's "${t.slice(0, 80)}"`),
      ...(res.errors ?? []).filter((e) => !ACCEPTED_CODES.includes(e.extensions?.code)).map((e) => `answers ${e.extensions?.code}: ${e.message}`),
    ];
    try {
      expectNoLeak(res);
    } catch {
      problems.push('shows server internals (stack, SQL)');
    }
    return problems;
  };

  /** Every call of one operation; what went wrong, each line naming the call. */
  const checkOperation = async (op: Operation): Promise<string[]> => {
    const problems: string[] = [];
    const seen = new Set<string>();
    /** References into A that some call got refused by name: NOT_FOUND (a workspace: FORBIDDEN), as for one that never existed. */
    const refusedByName = new Set<string>();
    const isFilter = (slot: RefSlot) => slot.within.some((t) => filterInputs.has(t));
    for (const variant of variantsOf(op)) {
      const policy: FillPolicy = {
        include: variant.include,
        ref: (slot, ordinal) => {
          const pool = (variant.from(slot) === 'A' ? aRefs : bRefs)[slot.kind];
          // Every party code at once: an agreement takes two parties.
          if (slot.kind === 'partyCode' && slot.list) return pool;
          const one = pool[ordinal % pool.length];
          return slot.list ? [one] : one;
        },
        credentials: B_OWNER,
        address: A_INVITEE,
      };
      const call = buildCall(op, policy);
      const key = JSON.stringify([call.refs.map((r) => [r.path, variant.from(r)]), Object.keys(call.variables), Object.keys((call.variables.input as object) ?? {})]);
      if (seen.has(key)) continue;
      seen.add(key);
      await resolveVersions(app, call);
      const label = `${op.type} ${op.name} (${variant.name})`;
      const fromA = call.refs.filter((r) => variant.from(r) === 'A');
      const sent = fromA.flatMap((r) => r.values);
      sent.forEach((v) => knownToB.add(v));

      const res = await app.request({ query: call.query, variables: call.variables, token: await session() });
      calls++;
      problems.push(...whatOfA(res, sent).map((p) => `${label}: ${p}`));
      if (!sent.length) continue;
      // A change naming A's rows (not a filter it saves) is refused.
      if (op.type === 'mutation' && !res.errors?.length) {
        if (fromA.some((r) => !isFilter(r))) problems.push(`${label}: was accepted: ${JSON.stringify(res.data)}`);
        // A saved filter naming A's ids is like a search for them: accepted, and it changed B, so a second call would meet other rows.
        continue;
      }

      // The same call naming rows that never existed: the answer must be the same, or A's rows' existence shows through.
      const other = withNeverExisting(call, sent, takenCodes);
      const resOther = await app.request({ query: other.call.query, variables: other.call.variables, token: await session() });
      calls++;
      problems.push(...whatOfA(resOther, []).map((p) => `${label}, with references that never existed: ${p}`));
      const mine = normalized(res, other.pairs.map(([a]) => a));
      const never = normalized(resOther, other.pairs.map(([, n]) => n));
      if (mine !== never) problems.push(`${label}: answers\n      ${mine}\n    but for references that never existed\n      ${never}`);

      const error = res.errors?.[0];
      const named = fromA.find((r) => r.field === error?.extensions?.field);
      if (error && named) {
        // Refused for the A reference itself: an id is unknown (a workspace is not yours), a code or slug is not one of B's.
        // (BAD_USER_INPUT may also be about its shape, as for an id that never existed; the comparison above holds then.)
        // Mentioning or assigning someone who is not a member is bad input (comments, assignees), like an unknown party code.
        const notAMember = named.field === 'mentionedUserIds' || (ASSIGNING.has(op.name) && named.field === 'userId');
        const code =
          named.kind === 'workspace' ? 'FORBIDDEN' : named.kind === 'partyCode' || named.kind === 'themeSlug' || notAMember ? 'BAD_USER_INPUT' : 'NOT_FOUND';
        if (error.extensions?.code === code) refusedByName.add(named.path);
        else if (error.extensions?.code !== 'BAD_USER_INPUT') problems.push(`${label}: refused ${named.field} with ${error.extensions?.code}, not ${code}`);
      } else if (error?.extensions?.code === 'FORBIDDEN') {
        fromA.filter((r) => r.kind === 'workspace').forEach((r) => refusedByName.add(r.path));
      }
    }
    if (op.type === 'mutation') {
      // Every reference a change takes was, in some call, pointed at A and refused for it, not for something else first.
      const missed = refSlotsOf(op).filter((s) => !isFilter(s) && !refusedByName.has(s.path)).map((s) => s.path);
      if (missed.length) problems.push(`${op.type} ${op.name}: no call was refused for naming A's rows in ${missed.join(', ')}`);
    }
    return problems;
  };

  const checkAll = async (type: 'query' | 'mutation') => {
    const problems: string[] = [];
    for (const op of operationsOf(schema, type)) problems.push(...(await checkOperation(op)));
    return problems;
  };

  it('every query: nothing of A, and the same answer for A’s ids as for ids that never existed', async () => {
    expect(operationsOf(schema, 'query').length).toBeGreaterThan(10);
    expect(await checkAll('query')).toEqual([]);
  }, 120_000);

  it('every mutation: refused for A’s rows as for rows that never existed, nothing of A in the answer', async () => {
    expect(operationsOf(schema, 'mutation').length).toBeGreaterThan(20);
    expect(await checkAll('mutation')).toEqual([]);
  }, 120_000);

  it('every query again, now that the mutations have changed B: still nothing of A', async () => {
    expect(await checkAll('query')).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  }, 120_000);

  it("every query with x-workspace-id naming A is FORBIDDEN for B's owner, as for a workspace that never existed", async () => {
    for (const op of operationsOf(schema, 'query')) {
      const call = buildCall(op, {
        include: () => false,
        ref: (slot, ordinal) => (slot.list ? [bRefs[slot.kind][0]] : bRefs[slot.kind][ordinal % bRefs[slot.kind].length]),
        credentials: B_OWNER,
        address: B_OWNER.email,
      });
      const res = await app.request({ query: call.query, variables: call.variables, token: await session(), headers: { 'x-workspace-id': A } });
      const error = expectError(res, 'FORBIDDEN', 'x-workspace-id');
      expect(whatOfA(res, [A])).toEqual([]);
      const never = randomUUID();
      const resNever = await app.request({ query: call.query, variables: call.variables, token: await session(), headers: { 'x-workspace-id': never } });
      expect(expectError(resNever, 'FORBIDDEN', 'x-workspace-id').message.replace(never, '<id>')).toBe(error.message.replace(A, '<id>'));
    }
  });

  it('changed nothing of A: every row of A, its members, their accounts and sessions are as they were', async () => {
    expect(await fingerprint(app, A)).toEqual(before);
  });

  it('left no row of one workspace pointing at a row of another', async () => {
    expect(await crossWorkspaceReferences(app)).toEqual([]);
  });
});
