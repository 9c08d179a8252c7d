import { Query, types } from "pg";
import type { ClientBase, FieldDef } from "pg";
import { EntityManager, QueryFailedError } from "typeorm";

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
