import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/*
 * Hostile values for any argument or input field, chosen by its GraphQL type: a fixed catalogue
 * (what a clumsy client or an attacker sends first) plus values drawn from a seed, so that a run
 * that finds something can be repeated exactly.
 */

/** Where a value sits in an operation's variables: `['input', 'newEvidence', 0, 'url']`. */
export type Path = (string | number)[];

export interface Slot {
  path: Path;
  type: GraphQLInputType;
}

/** Every argument and every input field within them (a list's elements as `[0]`), outermost first. */
export function slotsOf(args: readonly GraphQLArgument[], maxDepth = 5): Slot[] {
  const out: Slot[] = [];
  const visit = (type: GraphQLInputType, path: Path, seen: string[]) => {
    out.push({ path, type });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return visit(inner.ofType, [...path, 0], seen);
    if (isInputObjectType(inner) && !seen.includes(inner.name) && path.length < maxDepth) {
      for (const f of Object.values(inner.getFields())) visit(f.type, [...path, f.name], [...seen, inner.name]);
    }
  };
  for (const arg of args) visit(arg.type, [arg.name], []);
  return out;
}

export const pathText = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

/** A copy of `variables` with `value` at `path` (containers on the way made when missing). */
export function withValueAt(variables: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let at: any = copy;
  for (let i = 0; i < path.length - 1; i++) {
    if (at[path[i]] === undefined || at[path[i]] === null) at[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[path[i]];
  }
  at[path[path.length - 1]] = value;
  return copy;
}

export function valueAt(variables: Record<string, unknown>, path: Path): unknown {
  let at: any = variables;
  for (const p of path) at = at?.[p];
  return at;
}

// ---------------------------------------------------------------------------------------------
// The catalogue.

export const ONE_MB = 'x'.repeat(1024 * 1024);
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u001b', '\u001f', '\u007f', '\u0085', '\u2028'];
const BIDI = ['\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff'];
const SPECIALS = ['\ufffe', '\uffff', '"', '\\', "'", '%', '_', '<', '>', '&', '\n', '\t', ' '];

const STRINGS: unknown[] = [
  '',
  ' \t\n ',
  'Mexico\u0000to register',
  '\ud800',
  'a\udc00\ud800b',
  '🌎\ud83c',
  '\u0001\u0007\u001b[2J\u007f',
  '\u202etxt.exe\u202c\u200f\u2066',
  '\ufeff\ufffe\uffff',
  "'; DROP TABLE commitments; --",
  '%_\\',
  'x'.repeat(301),
  ONE_MB,
  12345,
];

const IDS: unknown[] = [
  '',
  'x',
  '-1',
  'not-a-uuid',
  '00000000-0000-4000-8000-00000000070g',
  '00000000-0000-4000-8000-0000000007011',
  ' 00000000-0000-4000-8000-000000000701',
  '{00000000-0000-4000-8000-000000000701}',
  '00000000000040008000000000000701',
  '00000000-0000-4000-8000-999999999999',
  '\ud800',
  '00000000-0000-4000-8000-00000000070\u0000',
  "' OR '1'='1",
  '9223372036854775808',
  ONE_MB,
  12345,
];

const DATES: unknown[] = [
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '2023-02-30',
  '2024-02-29',
  '10000-01-01',
  '-0001-01-01',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '٢٠٢٤-٠١-٠١',
  '',
  '\ud800',
  20240101,
];

const DATE_TIMES: unknown[] = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2023-02-30T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2024-01-01',
  '2024-01-01T25:00:00Z',
  'now',
  '',
  '\ud800',
  8.64e15,
  -1,
];

const INTS: unknown[] = [0, -1, -2147483648, 2147483647, 2147483648, -2147483649, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1.5, 'NaN', '1', true];
const FLOATS: unknown[] = [0, -0, -1, 5e-324, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 1.7976931348623157e308, 'NaN', 'Infinity', '1'];
const BOOLEANS: unknown[] = ['true', 'false', 0, 1, ''];

function enumValues(type: GraphQLEnumType): unknown[] {
  const first = type.getValues()[0].name;
  return ['NOPE', '', first.toLowerCase(), `${first} `, `${first}\u0000`, '\ud800', 0];
}

// ---------------------------------------------------------------------------------------------
// Drawn from the seed.

const hostileUnit = fc.oneof(
  fc.constantFrom(...LONE_SURROGATES, ...CONTROLS, ...BIDI, ...SPECIALS),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('a', 'Z', '0', '-'),
);
const hostileText = fc.string({ unit: hostileUnit, maxLength: 40 });
const anUuid = fc.uuid({ version: [1, 4, 7] });
const hostileId = fc.oneof(
  hostileText,
  // A real-looking id with one character off.
  fc.tuple(anUuid, fc.nat(35), hostileUnit).map(([u, i, c]) => u.slice(0, i) + c + u.slice(i + 1)),
  anUuid,
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);
const pad = (n: number, width: number) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width, '0');
const hostileDate = fc
  .tuple(fc.integer({ min: -1, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const hostileDateTime = fc
  .tuple(hostileDate, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('Z', '+14:00', '-12:00', '+99:99', ''))
  .map(([d, h, m, z]) => `${d}T${pad(h, 2)}:${pad(m, 2)}:00${z}`);
const hostileInt = fc.oneof(fc.integer({ min: -2147483648, max: 2147483647 }), fc.maxSafeInteger(), fc.constantFrom(-1, 0, 2147483647, -2147483648));
const hostileFloat = fc.double({ noNaN: true, noDefaultInfinity: true });

function drawnArbitrary(typeName: string, type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const valid = new Set(named.getValues().map((v) => v.name));
    return hostileText.filter((s) => !valid.has(s));
  }
  switch (typeName) {
    case 'ID':
      return hostileId;
    case 'String':
      return hostileText;
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.constantFrom<unknown>(true, false, 'yes', 0);
    case 'LocalDate':
      return hostileDate;
    case 'DateTime':
      return hostileDateTime;
    default:
      throw new Error(`No hostile values for the scalar ${typeName}: teach test/support/hostile-values.ts`);
  }
}

function catalogue(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  if (isEnumType(named)) return enumValues(named);
  switch (named.name) {
    case 'ID':
      return IDS;
    case 'String':
      return STRINGS;
    case 'Int':
      return INTS;
    case 'Float':
      return FLOATS;
    case 'Boolean':
      return BOOLEANS;
    case 'LocalDate':
      return DATES;
    case 'DateTime':
      return DATE_TIMES;
    default:
      throw new Error(`No hostile values for the scalar ${named.name}: teach test/support/hostile-values.ts`);
  }
}

/**
 * The hostile values of one slot: for the value as a whole (null where it is required, empty and
 * oversized lists, an empty input object) and, for a leaf, the catalogue of its scalar or enum and
 * `drawn` values from the seed. `valid` is the slot's value in a valid call (copied into the big list).
 */
export function hostileValuesOf(slot: Slot, valid: unknown, seed: number, drawn: number): unknown[] {
  const values: unknown[] = [];
  const { type } = slot;
  const inner = isNonNullType(type) ? type.ofType : type;
  values.push(null);
  if (isListType(inner)) {
    const element = Array.isArray(valid) && valid.length ? valid[0] : 'x';
    values.push([], [null], Array.from({ length: 1000 }, () => element));
    return values;
  }
  if (isInputObjectType(inner)) {
    values.push({}, []);
    return values;
  }
  if (isEnumType(inner) || isScalarType(inner)) {
    values.push(...catalogue(inner));
    values.push(...fc.sample(drawnArbitrary(inner.name, inner), { seed, numRuns: drawn }));
  }
  return values;
}

/** A short, printable form of a value for a failure message (lone surrogates and controls escaped by JSON). */
export function preview(value: unknown): string {
  if (typeof value === 'string' && value.length > 60) return `${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)`;
  if (Array.isArray(value) && value.length > 5) return `[${preview(value[0])}, … ${value.length} elements]`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
