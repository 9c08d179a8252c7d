import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import {
  getNamedType,
  GraphQLField,
  GraphQLSchema,
  isLeafType,
  Kind,
  OperationDefinitionNode,
  FieldNode,
  parse,
  parseType,
  print,
} from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { ERROR_CODES } from './support/expectations';
import { hostileValuesOf, Path, pathText, preview, slotsOf, valueAt, withValueAt } from './support/hostile-values';
import { wsUrl } from './support/live';
import { buildCall, BuiltCall, FillPolicy, loadServedSchema, Operation, operationsOf, resolveVersions } from './support/schema-walk';
import { refsOf, WorkspaceRefs } from './support/tenancy';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Hostile values in every argument of every operation the API serves, one at a time, each in an
 * otherwise valid call made by a caller who may make it (the owner), so that the input checks are
 * what answers, not access. No answer may be INTERNAL or an HTTP 5xx, and a refused mutation may
 * write nothing. The values come from a catalogue and from a seed: set FUZZ_SEED to repeat a run.
 */

// A fixed seed by default, so that a run in CI is the same run every time; FUZZ_SEED=random explores.
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261206);
const REPEAT = `FUZZ_SEED=${SEED} npx jest -c apps/api/jest.config.js apps/api/test/fuzz.spec.ts`;
/** Values drawn from the seed per argument or input field, beside the fixed catalogue. */
const DRAWN_PER_SLOT = 3;
const MIN_CASES = 2000;
/** The API admits a few GraphQL requests at once (GRAPHQL_CONCURRENCY); queries are sent that many at a time. */
const QUERIES_AT_ONCE = 4;

const A = SEED_IDS.workspace;
const C = SEED_IDS.commitments;
/** A member of the workspace whose address and password the fill uses (sign-in, password changes). */
const DUMMY = { email: `fuzz-dummy-${randomBytes(4).toString('hex')}@example.test`, password: 'fuzz-dummy-password' };

/**
 * Tables a refused call may write by design: presence rows (an open subscription), the sign-in
 * and account limits' counts (rate_limits: every attempt counts, refused or not), the per-caller
 * request counts (request_counts: every request counts), the migrations log.
 * Every other table of the public schema
 * counts as a write.
 */
const BOOKKEEPING = new Set(['presence', 'migrations', 'rate_limits', 'request_counts']);

interface GqlError {
  message: string;
  path?: unknown[];
  extensions?: Record<string, unknown>;
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: GqlError[] } | null;
}

/** Errors raised by a resolver or its input checks (they have a path) that are about the input, yet name no field. */
const unnamedRefusals = (errors: GqlError[]) =>
  errors.filter((e) => e.path && ['BAD_USER_INPUT', 'NOT_FOUND'].includes(e.extensions?.code as string) && !e.extensions?.field);

describe('fuzz: hostile values in every argument of every operation', () => {
  let app: TestApp;
  let schema: GraphQLSchema;
  let refs: WorkspaceRefs;
  let fingerprintSql: string;

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED}; to repeat this run: ${REPEAT}`);
    // Thousands of calls from one caller; no background digest runs that would write between two fingerprints.
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', DIGEST_POLL_SECONDS: '0' });
    schema = await loadServedSchema(app, app.tokens.owner);
    const id = randomUUID();
    await app.sql('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [id, DUMMY.email, 'Fuzz dummy', await hash(DUMMY.password)]);
    await app.sql(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'VIEWER')`, [A, id]);
    refs = await refsOf(app, A);
    const tables = await app.sql<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    fingerprintSql = tables
      .map((r) => r.t)
      .filter((t) => !BOOKKEEPING.has(t))
      .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(max(xmin::text::bigint), 0)::text AS x FROM ${t}`)
      .join(' UNION ALL ');
  }, 60_000);
  afterAll(() => app?.close());

  /**
   * Per table, the row count and the newest row version's transaction id: an insert or update
   * makes a row version with a newer transaction id, a delete lowers the count.
   */
  const fingerprint = async (): Promise<Map<string, string>> =>
    new Map((await app.sql<{ t: string; n: number; x: string }>(fingerprintSql)).map((r) => [r.t, `${r.n} rows, newest xmin ${r.x}`]));

  const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
    [...after].filter(([t, v]) => before.get(t) !== v).map(([t, v]) => `${t}: ${before.get(t)} → ${v}`);

  const post = async (query: string, variables: Record<string, unknown>, token: string): Promise<Answer> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, body };
  };

  /** What is wrong with an answer to a hostile call, or null. */
  const judge = (answer: Answer): string | null => {
    if (answer.status >= 500) return `HTTP ${answer.status}: ${preview(answer.body)}`;
    if (!answer.body) return `HTTP ${answer.status} without a GraphQL answer`;
    const errors = answer.body.errors ?? [];
    const internal = errors.filter((e) => e.extensions?.code === 'INTERNAL');
    if (internal.length) return `INTERNAL: ${internal.map((e) => e.message).join('; ')}`;
    const strange = errors.filter((e) => !ERROR_CODES.includes(e.extensions?.code as string));
    if (strange.length) return `a code outside the domain's: ${strange.map((e) => `${String(e.extensions?.code)} (${e.message})`).join('; ')}`;
    if (errors.some((e) => /\n\s+at |\.ts:\d+|QueryFailedError|invalid input syntax|violates/.test(e.message))) return `shows server internals: ${preview(errors)}`;
    // Refused by a resolver or its input checks: the answer names the argument or field.
    const unnamed = unnamedRefusals(errors);
    if (unnamed.length) return `${unnamed[0].extensions?.code} without naming the field: ${unnamed[0].message.slice(0, 200)}`;
    return null;
  };

  /** The call's document with every argument declared, cursors included (the generic fill leaves them out). */
  const declareAll = (call: BuiltCall, field: GraphQLField<unknown, unknown>): string => {
    const doc = parse(call.query);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const root = op.selectionSet.selections[0] as FieldNode;
    const declared = new Set((op.variableDefinitions ?? []).map((v) => v.variable.name.value));
    const missing = field.args.filter((a) => !declared.has(a.name));
    const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
    const variable = (value: string) => ({ kind: Kind.VARIABLE, name: name(value) }) as const;
    return print({
      ...doc,
      definitions: [
        {
          ...op,
          variableDefinitions: [
            ...(op.variableDefinitions ?? []),
            ...missing.map((a) => ({ kind: Kind.VARIABLE_DEFINITION, variable: variable(a.name), type: parseType(a.type.toString()) }) as const),
          ],
          selectionSet: {
            ...op.selectionSet,
            selections: [{ ...root, arguments: [...(root.arguments ?? []), ...missing.map((a) => ({ kind: Kind.ARGUMENT, name: name(a.name), value: variable(a.name) }) as const)] }],
          },
        },
      ],
    });
  };

  /** A valid call: ids and codes of the seeded workspace, every optional argument and field given. */
  const validCall = (op: Operation): BuiltCall => {
    const policy: FillPolicy = {
      include: () => true,
      ref: (slot, ordinal) => {
        const pool = refs[slot.kind];
        if (slot.kind === 'partyCode' && slot.list) return pool;
        const one = pool[ordinal % pool.length] ?? randomUUID();
        return slot.list ? [one] : one;
      },
      credentials: DUMMY,
      address: 'fuzz-reader@example.test',
    };
    return buildCall(op, policy);
  };

  interface Case {
    op: Operation;
    call: BuiltCall;
    query: string;
    path: Path;
    value: unknown;
  }

  const casesOf = (operations: Operation[]): Case[] => {
    const cases: Case[] = [];
    let slotNumber = 0;
    for (const op of operations) {
      if (!op.field.args.length) continue;
      const call = validCall(op);
      const query = declareAll(call, op.field);
      for (const slot of slotsOf(op.field.args)) {
        const values = hostileValuesOf(slot, valueAt(call.variables, slot.path), SEED + slotNumber++, DRAWN_PER_SLOT);
        for (const value of values) cases.push({ op, call, query, path: slot.path, value });
      }
    }
    return cases;
  };

  /** Addresses other than the one being fuzzed are new on each call, so that "already invited/registered" does not answer first. */
  const freshAddresses = (variables: Record<string, unknown>, op: Operation, fuzzed: Path, n: number) => {
    if (op.name === 'signIn') return variables;
    const input = variables.input as Record<string, unknown> | undefined;
    if (input && typeof input.email === 'string' && pathText(fuzzed) !== 'input.email') input.email = `fuzz-${SEED}-${n}@example.test`;
    return variables;
  };

  it('the write detector sees an insert through the API and an update that keeps the row count', async () => {
    const start = await fingerprint();
    const res = await post('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: 'Fuzz probe key', scope: 'READ' } }, app.tokens.owner);
    expect(res.body?.errors).toBeUndefined();
    const afterInsert = await fingerprint();
    expect(changedTables(start, afterInsert).join('\n')).toMatch(/^api_keys: /m);

    await app.sql('UPDATE commitments SET title = title WHERE id = $1', [C.mxSmuggling]);
    const afterUpdate = await fingerprint();
    expect(changedTables(afterInsert, afterUpdate)).toEqual([expect.stringMatching(/^commitments: (\d+) rows, newest xmin \d+ → \1 rows, newest xmin \d+$/)]);

    // And it stays still across a refused call.
    const refused = await post('mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id } } }', { input: { id: randomUUID(), expectedVersion: 1, title: 'x' } }, app.tokens.owner);
    expect(refused.body?.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(changedTables(afterUpdate, await fingerprint())).toEqual([]);
  });

  it(`every argument of every query and mutation over HTTP: no INTERNAL, no 5xx, refusals name the field, no write after a refusal (at least ${MIN_CASES} cases)`, async () => {
    const operations = [...operationsOf(schema, 'query'), ...operationsOf(schema, 'mutation')].sort((a, b) => a.name.localeCompare(b.name));
    const cases = casesOf(operations);
    const problems: string[] = [];
    const codes = new Map<string, number>();
    const started = Date.now();
    const cpu = process.cpuUsage();
    let n = 0;
    // expectedVersion is read again for each operation and after any call that was not refused (it may have changed a version).
    let versionsOf: BuiltCall | null = null;
    const send = async (c: Case) => {
      if (versionsOf !== c.call) await resolveVersions(app, c.call);
      versionsOf = c.call;
      const variables = freshAddresses(withValueAt(c.call.variables, c.path, c.value), c.op, c.path, n++);
      const answer = await post(c.query, variables, app.tokens.owner);
      if (!answer.body?.errors?.length) versionsOf = null;
      const what = `${c.op.type} ${c.op.name} ${pathText(c.path)} = ${preview(c.value)}`;
      const problem = judge(answer);
      if (problem) problems.push(`${what}: ${problem}`);
      for (const e of answer.body?.errors ?? []) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
      return { answer, what };
    };
    // Queries write nothing and go a few at a time; mutations one at a time, each between two
    // fingerprints (the one after a refused mutation is the one before the next: nothing ran between).
    let last: Map<string, string> | null = null;
    for (let i = 0; i < cases.length; ) {
      if (cases[i].op.type === 'query') {
        const batch: Case[] = [];
        while (i < cases.length && cases[i].op.type === 'query' && batch.length < QUERIES_AT_ONCE) batch.push(cases[i++]);
        await Promise.all(batch.map(send));
        last = null;
        continue;
      }
      const before = last ?? (await fingerprint());
      last = null;
      const { answer, what } = await send(cases[i++]);
      const errors = answer.body?.errors ?? [];
      if (!errors.length) continue;
      const after = await fingerprint();
      const written = changedTables(before, after);
      if (written.length) problems.push(`${what}: refused (${errors.map((e) => e.extensions?.code).join(', ')}) yet wrote ${written.join('; ')}`);
      last = after;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const { user, system } = process.cpuUsage(cpu);
    // The API runs in this process: its CPU time says more than the wall time on a shared machine.
    const cpuSeconds = ((user + system) / 1e6).toFixed(0);
    console.log(`fuzz seed ${SEED}: ${cases.length} calls over HTTP to ${operations.filter((o) => o.field.args.length).length} operations in ${seconds} s (${cpuSeconds} s of CPU in this process); error codes ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
    expect({ seed: SEED, repeat: REPEAT, problems }).toEqual({ seed: SEED, repeat: REPEAT, problems: [] });
  }, 480_000);

  it('every argument of every subscription over WebSocket: no INTERNAL, refusals name the argument, the connection stays up', async () => {
    const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {}).filter((f) => f.args.length);
    expect(fields.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['commitmentChanged', 'presence']));
    const [{ last }] = await app.sql<{ last: string }>('SELECT max(id)::text AS last FROM activity');
    const problems: string[] = [];
    let cases = 0;
    let client: Client | null = null;
    let closed: { code: number; reason: string } | null = null;
    const connect = () => {
      closed = null;
      const c = createClient({ url: wsUrl(app.url), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${app.tokens.owner}` }, retryAttempts: 0, lazy: true });
      c.on('closed', (event) => {
        const e = event as { code?: number; reason?: string };
        // 1000: the lazy client closing an idle socket; any other code ended it from the server.
        if (e.code !== 1000) closed = { code: e.code ?? 0, reason: String(e.reason ?? '') };
      });
      return c;
    };
    /** One subscription: its first message, its error, or still open after a moment (a valid subscription that has nothing to say yet). */
    const once = (query: string, variables: Record<string, unknown>) =>
      new Promise<string>((resolve) => {
        let done = false;
        const finish = (what: string) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          dispose();
          resolve(what);
        };
        const dispose = client!.subscribe({ query, variables }, {
          next: (value) => finish(JSON.stringify(value)),
          error: (err) => finish(err instanceof Error ? `error ${err.message}` : `error ${JSON.stringify(err)}`),
          complete: () => finish('complete'),
        });
        const timer = setTimeout(() => finish('open'), 250);
      });

    for (const field of fields) {
      const named = getNamedType(field.type);
      const args = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `subscription Fuzz(${args}) { ${field.name}(${passed}) ${isLeafType(named) ? '' : '{ __typename }'} }`;
      // A valid subscription: a commitment of the workspace, the newest activity id.
      const valid: Record<string, unknown> = {};
      for (const a of field.args) if (a.type.toString() === 'ID!') valid[a.name] = C.mxSmuggling;
      const slots = slotsOf(field.args);
      const batch: { what: string; variables: Record<string, unknown> }[] = [];
      slots.forEach((slot, i) => {
        const validValue = slot.path.join('.') === 'since' ? last : valueAt(valid, slot.path);
        for (const value of hostileValuesOf(slot, validValue, SEED + 100_000 + i, DRAWN_PER_SLOT)) {
          batch.push({ what: `subscription ${field.name} ${pathText(slot.path)} = ${preview(value)}`, variables: withValueAt(valid, slot.path, value) });
        }
      });
      // A few at a time on one socket, as one browser tab would.
      for (let i = 0; i < batch.length; i += 5) {
        if (!client || closed) {
          if (closed) problems.push(`the socket closed (${JSON.stringify(closed)}) after ${batch[i - 1]?.what}`);
          await client?.dispose();
          client = connect();
        }
        const group = batch.slice(i, i + 5);
        const outcomes = await Promise.all(group.map((b) => once(query, b.variables)));
        outcomes.forEach((outcome, j) => {
          cases++;
          if (/"INTERNAL"|Internal server error/.test(outcome)) return problems.push(`${group[j].what}: ${outcome.slice(0, 300)}`);
          // A refusal by the resolver (with a path), as over HTTP, names the argument.
          const refusal = /^(?:error )?(\{.*\}|\[.*\])$/s.exec(outcome)?.[1];
          const parsed = refusal ? (JSON.parse(refusal) as GqlError[] | { errors?: GqlError[] }) : null;
          const unnamed = unnamedRefusals(Array.isArray(parsed) ? parsed : (parsed?.errors ?? []));
          if (unnamed.length) problems.push(`${group[j].what}: ${unnamed[0].extensions?.code} without naming the field`);
        });
      }
    }
    if (closed) problems.push(`the socket closed at the end (${JSON.stringify(closed)})`);
    await client?.dispose();
    console.log(`fuzz seed ${SEED}: ${cases} subscriptions over WebSocket`);
    expect(cases).toBeGreaterThan(100);
    expect({ seed: SEED, repeat: REPEAT, problems }).toEqual({ seed: SEED, repeat: REPEAT, problems: [] });
  }, 120_000);
});
