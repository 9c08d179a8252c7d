import { Query, types } from "pg";
import type { ClientBase, FieldDef } from "pg";
import { DataSource, EntityManager, QueryFailedError } from "typeorm";

type RawValue = string | null;
type Parser = (raw: string) => unknown;
type RowReader = (fields: readonly RawValue[]) => Record<string, unknown>;

/**
 * The rows of a read as plain objects, built faster than pg builds them. pg makes each row by
 * copying a template object and then setting every column by name, a generic path per property;
 * for the thousands of rows of a nested read (2,000 sources, 800 parties…) that was a good part
 * of the API's CPU and garbage. Here each data row, as it comes off the wire, becomes an object
 * literal through a function made once per column list and type (the same type parsers as pg's):
 * no intermediate row array, no call per text column.
 *
 * Same statement, pool, statement log and errors (QueryFailedError) as `manager.query`; within
 * a transaction, on its connection.
 */
export async function readRows<T>(
  manager: EntityManager,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  // The fast path's read-rows piece turned off (by setting or by checkReadRows): pg's own rows.
  if (THROUGH_PG.has(manager.connection)) return (await manager.query(text, params as unknown[])) as T[];
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const logger = manager.connection.logger;
  try {
    const client = (await runner.connect()) as ClientBase;
    logger.logQuery(text, params as unknown[], runner);
    const query = new ObjectRowsQuery(text, params.map(uuidListAsLiteral));
    try {
      await new Promise<void>((resolve, reject) => {
        client.query(query as never, ((err: Error | null) => (err ? reject(err) : resolve())) as never);
      });
    } catch (err) {
      logger.logQueryError(err as Error, text, params as unknown[], runner);
      throw new QueryFailedError(text, params as unknown[], err as Error);
    }
    return query.objects as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** Data sources whose reads go through `manager.query` (pg's own rows) instead. */
const THROUGH_PG = new WeakSet<DataSource>();

/** Whether readRows on this data source is plain `manager.query`. */
export function readsThroughPg(dataSource: DataSource): boolean {
  return THROUGH_PG.has(dataSource);
}

/** Makes readRows on this data source plain `manager.query` (the read-rows piece of the fast path off). */
export function readRowsThroughPg(dataSource: DataSource): void {
  THROUGH_PG.add(dataSource);
}

// Every kind of column the API reads, NULL, a repeated name, and a uuid list sent as a literal.
const PROBE = `
  SELECT 1::int AS n, 2::bigint AS big, 1.25::numeric(6, 2) AS ratio, 0.5::float8 AS f, true AS yes, 'a' AS t,
         '2026-11-28T10:00:00.123Z'::timestamptz AS at, '2026-11-28'::date AS day, NULL::text AS nothing,
         'later' AS t, u AS id, '{"k": 1}'::jsonb AS doc, ARRAY[1, 2] AS list
  FROM unnest($1::uuid[]) AS u ORDER BY u`;
const PROBE_IDS = ["00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000001"];

type QueryClass = new (config: { text: string; values?: unknown[] }) => object;

/**
 * read-rows' start-up self-check: pg's Query still has the hooks ObjectRowsQuery overrides and the
 * private fields it reads, and a probe read through readRows gives exactly what `manager.query`
 * gives. null when it holds, else what broke (readRowsThroughPg then). `queryClass` and `read`
 * are the real ones but for tests.
 */
export async function checkReadRows(
  manager: EntityManager,
  { queryClass = Query as unknown as QueryClass, read = readRows }: { queryClass?: QueryClass; read?: typeof readRows } = {},
): Promise<string | null> {
  const prototype = queryClass.prototype as Record<string, unknown>;
  for (const hook of ["handleRowDescription", "handleDataRow"]) {
    if (typeof prototype[hook] !== "function") return `pg's Query has no ${hook}`;
  }
  const probe = new queryClass({ text: "SELECT 1", values: [] }) as Partial<QueryInternals>;
  if (!("_canceledDueToError" in probe)) return "pg's Query has no _canceledDueToError";
  const result = probe._result as Partial<QueryInternals["_result"]> | undefined;
  if (!result || typeof result !== "object" || !Array.isArray(result.fields) || !("_parsers" in result)) return "pg's Query has no _result with fields and _parsers";
  try {
    const fast = JSON.stringify(await read(manager, PROBE, [PROBE_IDS]));
    const stock = JSON.stringify(await manager.query(PROBE, [PROBE_IDS]));
    return fast === stock ? null : `a probe read gave ${fast} where pg gives ${stock}`;
  } catch (err) {
    return `a probe read failed: ${(err as Error).message}`;
  }
}

/** What ObjectRowsQuery uses of pg's Query beyond its typings (pg 8). */
interface QueryInternals {
  _result: { fields: FieldDef[]; _parsers?: Parser[] };
  _canceledDueToError: unknown;
}

const NOT_DESCRIBED: RowReader = () => {
  throw new Error("A data row came before the description of its columns");
};

/**
 * pg's own Query (the extended protocol, errors, the end of the statement), except that each data
 * row is read into its object at once instead of into a row array kept on a Result.
 */
class ObjectRowsQuery extends Query {
  readonly objects: Record<string, unknown>[] = [];
  private read: RowReader = NOT_DESCRIBED;

  constructor(text: string, values: unknown[]) {
    super({ text, values });
  }

  handleRowDescription(msg: unknown): void {
    (Query.prototype as unknown as { handleRowDescription(msg: unknown): void }).handleRowDescription.call(this, msg);
    const result = (this as unknown as QueryInternals)._result;
    this.read = rowReader(result.fields, result._parsers ?? []);
  }

  handleDataRow(msg: { fields: RawValue[] }): void {
    const self = this as unknown as QueryInternals;
    if (self._canceledDueToError) return;
    try {
      this.objects.push(this.read(msg.fields));
    } catch (err) {
      // As pg does with a parser's error: the statement then fails with it.
      self._canceledDueToError = err;
    }
  }
}

/**
 * A list of uuids (a batch's parent ids) as the array literal `{id,id,…}` PostgreSQL reads for
 * `$n::uuid[]`. pg would quote and escape each element through string concatenation: for the
 * 400-id lists of a nested read, a good part of the statement's own garbage. Only a list whose
 * every element is a uuid's text is sent this way (checked on the joined list by one expression:
 * cheaper than pg's quoting, where a loop over the characters cost more); any other value, or a
 * list holding anything else, is left to pg as it is.
 */
function uuidListAsLiteral(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return value;
  for (const v of value) if (typeof v !== "string") return value;
  const joined = value.join(",");
  // As many uuids as elements (36 characters and a comma each): no element held a comma of its own.
  return joined.length === value.length * 37 - 1 && UUID_LIST.test(joined) ? `{${joined}}` : value;
}

const HEX = "[0-9a-fA-F]";
const UUID_TEXT = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;
const UUID_LIST = new RegExp(`^(?:${UUID_TEXT},)*${UUID_TEXT}$`);

// pg-types' parser for every type it has none for (text, uuid, varchar…): it hands the text back.
const PASS_THROUGH = types.getTypeParser(types.builtins.TEXT) as Parser;

/** One reader per column list and parsers: as many as the statements' column choices, so kept for good. */
const READERS = new Map<string, RowReader>();
const PARSER_IDS = new Map<Parser, number>();

function rowReader(fields: readonly FieldDef[], parsers: readonly Parser[]): RowReader {
  const names = fields.map((f) => f.name);
  const parserIds = parsers.map((p) => {
    let id = PARSER_IDS.get(p);
    if (id === undefined) PARSER_IDS.set(p, (id = PARSER_IDS.size));
    return id;
  });
  const key = `${names.join("\u0000")}\u0001${parserIds.join(",")}`;
  let read = READERS.get(key);
  if (!read) {
    // The columns in order (a later column of the same name wins, as in pg's rows); a column
    // pg-types passes through is taken as it came, NULL stays null, others go through their parser.
    const value = (i: number) => (parsers[i] === PASS_THROUGH ? `f[${i}]` : `(f[${i}] === null ? null : p[${i}](f[${i}]))`);
    // Names are quoted with JSON.stringify, so any alias is safe. `__proto__` as a literal key would
    // set the prototype instead: such a row is built property by property.
    read = names.includes("__proto__")
      ? (f) => Object.fromEntries(names.map((name, i) => [name, f[i] === null ? null : parsers[i](f[i] as string)]))
      : (new Function("p", `return (f) => ({ ${names.map((name, i) => `${JSON.stringify(name)}: ${value(i)}`).join(", ")} });`)(parsers) as RowReader);
    READERS.set(key, read);
  }
  return read;
}
