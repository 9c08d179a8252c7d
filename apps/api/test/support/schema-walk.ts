import { randomBytes } from 'node:crypto';
import {
  astFromValue,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  IntrospectionQuery,
  print,
} from 'graphql';
import { TestApp } from './test-app';

/*
 * Builds a call for any Query or Mutation field from its types alone, so a spec can walk every
 * operation of the schema instead of listing them: arguments are filled from their types and
 * names, and the selection set takes the scalars of the return type a few levels deep.
 */

/**
 * The schema the running API serves, by introspection: what callers can reach, including
 * operations added since schema.gql was last written (test/schema.spec.ts checks that file).
 */
export async function loadServedSchema(app: TestApp, token: string): Promise<GraphQLSchema> {
  const res = await app.request<IntrospectionQuery>({ query: getIntrospectionQuery(), token });
  if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}

export type OperationType = 'query' | 'mutation';

export interface Operation {
  type: OperationType;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function operationsOf(schema: GraphQLSchema, type?: OperationType): Operation[] {
  const roots: [OperationType, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots
    .filter(([t, root]) => root && (!type || t === type))
    .flatMap(([t, root]) => Object.values(root!.getFields()).map((field) => ({ type: t, name: field.name, field })));
}

// ---------------------------------------------------------------------------------------------
// References: argument values that point at rows of one workspace.

/** Kinds of rows an ID argument can name, and the workspace-scoped strings (party codes, theme slugs) that name rows too. */
export const ID_KINDS = [
  'agreement', 'commitment', 'evidence', 'indicator', 'observation', 'link', 'statusChange', 'party', 'organization',
  'person', 'theme', 'apiKey', 'invitation', 'user', 'workspace', 'watch', 'subscription', 'comment', 'notification', 'view',
  'webhookEndpoint', 'webhookDelivery',
] as const;
export type IdKind = (typeof ID_KINDS)[number];
export type RefKind = IdKind | 'partyCode' | 'themeSlug';

/** Names that say what they point at without being a kind's own name. */
const ID_ALIASES: Record<string, IdKind> = {
  participant: 'person', // agreement participants are people
  subject: 'commitment', // activity(subjectId): an agreement, commitment, evidence or indicator; a commitment is one
  commitmentlink: 'link',
  assignee: 'user', // CommitmentFilter.assigneeId: a member
  // set<Kind>Archived(input: { id }): archives or restores a row of that kind
  partyarchived: 'party',
  organizationarchived: 'organization',
  personarchived: 'person',
  themearchived: 'theme',
  // webhookDeliveries(endpointId), redeliverWebhook(input: { deliveryId })
  endpoint: 'webhookEndpoint',
  delivery: 'webhookDelivery',
};

function kindFromName(name: string): IdKind | undefined {
  const lower = name.toLowerCase();
  const candidates: [string, IdKind][] = [...ID_KINDS.map((k): [string, IdKind] => [k.toLowerCase(), k]), ...Object.entries(ID_ALIASES)];
  let best: [string, IdKind] | undefined;
  for (const candidate of candidates) {
    if (lower.endsWith(candidate[0]) && (!best || candidate[0].length > best[0].length)) best = candidate;
  }
  return best?.[1];
}

/**
 * What an ID argument or input field points at: from its name (`fromCommitmentId` → commitment,
 * `participantIds` → person) or, for a bare `id`, from the operation (`updateEvidence` → evidence).
 * An id nobody taught it throws, so a new kind of reference cannot be filled with nonsense silently.
 */
export function idKindOf(fieldName: string, operationName: string): IdKind {
  const base = /^ids?$/i.test(fieldName) ? '' : fieldName.replace(/Ids?$/, '');
  const kind = base === '' ? kindFromName(operationName) : kindFromName(base);
  if (!kind) throw new Error(`Cannot tell what ${operationName}(… ${fieldName} …) points at: teach idKindOf in test/support/schema-walk.ts`);
  return kind;
}

/** String fields that name rows of the workspace by code or slug rather than by id. */
export function stringRefKindOf(fieldName: string): RefKind | undefined {
  if (/^partyCodes?$/.test(fieldName)) return 'partyCode';
  if (/^themes$/.test(fieldName)) return 'themeSlug';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Arguments.

/**
 * Values chosen by hand where the generic one (the first enum value) could not get a call past
 * the domain rules to the references it carries. Each key must name a field of the schema.
 */
export const VALUE_HINTS: Record<string, unknown> = {
  // ANNOUNCED → ANNOUNCED is refused before the evidence is looked up; BROKEN takes a note, a
  // reason code and evidence, all of which the generic fill gives, so evidenceIds gets checked.
  'ChangeCommitmentStatusInput.status': 'BROKEN',
  // subjectId is filled with a commitment (see ID_ALIASES): say so, or the first value (AGREEMENT) makes it unknown.
  'AddCommentInput.subjectType': 'COMMITMENT',
  // Sharing a view needs WRITE, checked past the guard (a viewer saves private views): keep the generic call private.
  'SaveViewInput.shared': false,
  'UpdateViewInput.shared': false,
  // A webhook's kinds (a list of this one) and URL are checked before its filter's ids: give ones that pass (the URL where the test-only loopback setting is on).
  'CreateWebhookEndpointInput.kinds': 'commitment.created',
  'CreateWebhookEndpointInput.url': 'http://127.0.0.1:9/hook',
  'UpdateWebhookEndpointInput.kinds': 'commitment.created',
  'UpdateWebhookEndpointInput.url': 'http://127.0.0.1:9/hook',
};

/** Input types a query takes as an argument (filters, orders): a reference inside one narrows a search, it names no row to change. */
export function queryInputTypes(schema: GraphQLSchema): Set<string> {
  const found = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (!isInputObjectType(type) || found.has(type.name)) return;
    found.add(type.name);
    for (const f of Object.values(type.getFields())) visit(getNamedType(f.type));
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) for (const arg of field.args) visit(getNamedType(arg.type));
  return found;
}

/** The hints that name no input field of the schema (an empty list when all are current). */
export function staleHints(schema: GraphQLSchema): string[] {
  return Object.keys(VALUE_HINTS).filter((key) => {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    return !(type && isInputObjectType(type) && type.getFields()[fieldName]);
  });
}

export interface RefSlot {
  /** Where in the variables: `input.ownerOrganizationId`, `filter.agreementId`, `id`. */
  path: string;
  /** The argument or input field name, as an error's extensions.field names it. */
  field: string;
  kind: RefKind;
  list: boolean;
  /** Given in every call: it and every input around it are non-null. */
  required: boolean;
  /** The input object types around it, outermost first (a CommitmentFilter makes it a filter, not a row to change). */
  within: string[];
}

export interface FillPolicy {
  /** Whether to give an optional (nullable) argument or input field; non-null ones are always given. */
  include(path: string, slot: RefSlot | null): boolean;
  /**
   * The value of a reference: one string, or the strings of a list. `ordinal` counts the
   * references of one kind in the call, so two ids of a kind can differ (link from → to).
   */
  ref(slot: RefSlot, ordinal: number): string | string[];
  /** Filled into password fields, and into email fields beside one (sign-in, sign-up). */
  credentials: { email: string; password: string };
  /** Filled into other email fields: an address to invite, to send digests to, to reset. */
  address: string;
}

export interface BuiltCall {
  operation: Operation;
  query: string;
  variables: Record<string, unknown>;
  /** The references given, with their values. */
  refs: (RefSlot & { values: string[] })[];
  /** expectedVersion fields still to be set to the version of the row they change. */
  versions: { target: Record<string, unknown>; key: string; id: string }[];
}

const CURSOR_ARGS = new Set(['after', 'before']);

function scalarValue(typeName: string, fieldName: string, siblings: string[], policy: FillPolicy): unknown {
  switch (typeName) {
    case 'String':
      if (/email$/i.test(fieldName)) return siblings.some((f) => /password$/i.test(f)) ? policy.credentials.email : policy.address;
      if (/password$/i.test(fieldName)) return policy.credentials.password;
      if (/token$/i.test(fieldName)) return randomBytes(24).toString('base64url');
      if (/url$/i.test(fieldName)) return 'https://example.test/generic-source';
      if (/timeZone$/i.test(fieldName)) return 'UTC';
      if (/^locale$/i.test(fieldName)) return 'en';
      return 'x';
    case 'Int':
      return fieldName === 'first' ? 5 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'LocalDate':
      return '2024-01-01';
    case 'DateTime':
      return '2024-01-01T00:00:00Z';
    default:
      throw new Error(`No generic value for the scalar ${typeName} (${fieldName}): teach scalarValue in test/support/schema-walk.ts`);
  }
}

interface FillState {
  operation: Operation;
  policy: FillPolicy;
  counters: Map<RefKind, number>;
  refs: BuiltCall['refs'];
  versions: BuiltCall['versions'];
}

/** A value for one argument or input field; undefined leaves it out. */
function fillValue(
  state: FillState,
  type: GraphQLInputType,
  fieldName: string,
  path: string,
  within: { types: string[]; siblings: string[] },
  requiredSoFar: boolean,
): unknown {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  const list = isListType(inner);
  const named = getNamedType(type) as GraphQLNamedType;
  const required = requiredSoFar && nonNull;

  let refKind: RefKind | undefined;
  if (named.name === 'ID') refKind = idKindOf(fieldName, state.operation.name);
  else if (named.name === 'String') refKind = stringRefKindOf(fieldName);
  const slot: RefSlot | null = refKind ? { path, field: fieldName, kind: refKind, list, required, within: within.types } : null;

  if (!nonNull && !state.policy.include(path, slot)) return undefined;
  if (slot) {
    const ordinal = state.counters.get(slot.kind) ?? 0;
    state.counters.set(slot.kind, ordinal + 1);
    const value = state.policy.ref(slot, ordinal);
    const values = Array.isArray(value) ? value : [value];
    state.refs.push({ ...slot, values });
    return list ? values : values[0];
  }
  const one = (): unknown => {
    const hint = VALUE_HINTS[`${within.types.at(-1)}.${fieldName}`];
    if (hint !== undefined) return hint;
    if (isEnumType(named)) return named.getValues()[0].value;
    if (isScalarType(named)) return scalarValue(named.name, fieldName, within.siblings, state.policy);
    if (isInputObjectType(named)) return fillInputObject(state, named, path, within.types, required);
    throw new Error(`Cannot fill ${path} of type ${named.name}`);
  };
  return list ? [one()] : one();
}

/**
 * Inputs that take exactly one of some optional fields (the API refuses none or two with
 * BAD_USER_INPUT): every generic call gives exactly one, the first unless the policy chose another,
 * so that a call is refused, or not, for its references rather than for its shape.
 */
export const EXACTLY_ONE_OF: Record<string, string[]> = {
  DetachEvidenceInput: ['commitmentId', 'agreementId'],
};

function fillInputObject(state: FillState, type: GraphQLInputObjectType, path: string, outer: string[], required: boolean): Record<string, unknown> {
  const fields = Object.values(type.getFields()) as GraphQLInputField[];
  const within = { types: [...outer, type.name], siblings: fields.map((f) => f.name) };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = fillValue(state, f.type, f.name, `${path}.${f.name}`, within, required);
    if (value !== undefined) out[f.name] = value;
  }
  const group = EXACTLY_ONE_OF[type.name];
  if (group) {
    const given = group.filter((name) => name in out);
    for (const name of given.slice(1)) {
      delete out[name];
      state.refs = state.refs.filter((r) => r.path !== `${path}.${name}`);
    }
    if (given.length === 0) {
      const f = fields.find((x) => x.name === group[0])!;
      const forced: FillState = { ...state, policy: { ...state.policy, include: () => true } };
      out[f.name] = fillValue(forced, f.type, f.name, `${path}.${f.name}`, within, required);
      state.refs = forced.refs;
    }
  }
  // The version of the row this input changes: named by its one non-null, single ID field.
  if (typeof out.expectedVersion === 'number') {
    const idField = fields.find((f) => isNonNullType(f.type) && !isListType(f.type.ofType) && getNamedType(f.type).name === 'ID');
    if (idField && typeof out[idField.name] === 'string') state.versions.push({ target: out, key: 'expectedVersion', id: out[idField.name] as string });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Selection sets.

/** How many object levels below the operation's own return type the selection goes. */
export const SELECTION_DEPTH = 2;

function literalArgs(field: GraphQLField<unknown, unknown>, state: FillState): string {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  if (!args.length) return '';
  const parts = args.map((a) => {
    const value = fillValue(state, a.type, a.name, `${field.name}.${a.name}`, { types: [], siblings: [] }, true);
    const ast = astFromValue(value, a.type);
    if (!ast) throw new Error(`Cannot write ${a.name} of ${field.name} as a literal`);
    return `${a.name}: ${print(ast)}`;
  });
  return `(${parts.join(', ')})`;
}

function selectionOf(type: GraphQLNamedType, depth: number, state: FillState): string {
  if (isLeafType(type)) return '';
  if (isAbstractType(type)) return '{ __typename }';
  if (!isObjectType(type)) throw new Error(`Cannot select from ${type.name}`);
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const args = literalArgs(field, state);
    if (isLeafType(named)) {
      parts.push(`${field.name}${args}`);
    } else if (depth < SELECTION_DEPTH) {
      const sub = selectionOf(named, depth + 1, state);
      if (sub) parts.push(`${field.name}${args} ${sub}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

// ---------------------------------------------------------------------------------------------
// The call.

/** A complete operation for one Query or Mutation field: document, variables, the references in them. */
export function buildCall(operation: Operation, policy: FillPolicy): BuiltCall {
  const state: FillState = { operation, policy, counters: new Map(), refs: [], versions: [] };
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of operation.field.args) {
    // A cursor cannot be made up: it comes from a previous page. Without one, the first page.
    if (CURSOR_ARGS.has(arg.name) && !isNonNullType(arg.type)) continue;
    declared.push(`$${arg.name}: ${arg.type.toString()}`);
    passed.push(`${arg.name}: $${arg.name}`);
    const value = fillValue(state, arg.type, arg.name, arg.name, { types: [], siblings: [] }, true);
    if (value !== undefined) variables[arg.name] = value;
  }
  // Nested arguments (evidence(first: 5)) are filled by a state of their own, so they add no references.
  const selectionState: FillState = { operation, policy, counters: new Map(), refs: [], versions: [] };
  const selection = selectionOf(getNamedType(operation.field.type), 0, selectionState);
  const head = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  const query = `${operation.type} ${operation.name[0].toUpperCase()}${operation.name.slice(1)}${head} { ${operation.name}${call} ${selection} }`;
  return { operation, query, variables, refs: state.refs, versions: state.versions };
}

/** Every reference an operation can take (optional ones included), found by filling it with everything. */
export function refSlotsOf(operation: Operation): RefSlot[] {
  const probe = { email: 'probe@example.test', password: 'probe-password' };
  const built = buildCall(operation, { include: () => true, ref: (s) => (s.list ? ['probe'] : 'probe'), credentials: probe, address: probe.email });
  return built.refs.map(({ values: _values, ...slot }) => slot);
}

/** Sets each expectedVersion to the current version of the row it names (1 when there is none). */
export async function resolveVersions(app: TestApp, call: BuiltCall): Promise<void> {
  if (!call.versions.length) return;
  const tables: { table_name: string }[] = await app.sql(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'version'
     INTERSECT SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
  );
  for (const v of call.versions) {
    const union = tables.map((t) => `SELECT version FROM ${t.table_name} WHERE id = $1::uuid`).join(' UNION ALL ');
    const [row] = await app.sql<{ version: number }>(union, [v.id]);
    v.target[v.key] = row?.version ?? 1;
  }
}
