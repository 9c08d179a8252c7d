import type { ClientBase, FieldDef } from "pg";
import { EntityManager, QueryFailedError } from "typeorm";

type RowMaker = (values: unknown[]) => Record<string, unknown>;

/** One maker per column list: as many as the statements' column choices, so kept for good. */
const MAKERS = new Map<string, RowMaker>();

/**
 * The rows of a read as plain objects, built faster than pg builds them. pg makes each row by
 * copying a template object and then setting every column by name, a generic path per property;
 * for the thousands of rows of a nested read (2,000 sources, 800 parties…) that was a good part
 * of the API's CPU and garbage. Here pg returns each row as an array (rowMode 'array', the same
 * type parsers) and a function made once per column list turns it into an object literal.
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
    let result;
    try {
      result = await client.query<unknown[]>({
        text,
        values: params.map(uuidListAsLiteral),
        rowMode: "array",
      });
    } catch (err) {
      logger.logQueryError(err as Error, text, params as unknown[], runner);
      throw new QueryFailedError(text, params as unknown[], err as Error);
    }
    const make = rowMaker(result.fields);
    return result.rows.map(make) as T[];
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of uuids (a batch's parent ids) as the array literal `{id,id,…}` PostgreSQL reads for
 * `$n::uuid[]`. pg would quote and escape each element through string concatenation: for the
 * 400-id lists of a nested read, a good part of the statement's own garbage. Any other value, or a
 * list holding anything but uuids, is left to pg as it is.
 */
export function uuidListAsLiteral(value: unknown): unknown {
  if (!Array.isArray(value) || value.length === 0) return value;
  for (const v of value) if (typeof v !== "string" || !UUID.test(v)) return value;
  return `{${value.join(",")}}`;
}

function rowMaker(fields: readonly FieldDef[]): RowMaker {
  const names = fields.map((f) => f.name);
  const key = names.join("\u0000");
  let make = MAKERS.get(key);
  if (!make) {
    // An object literal with the columns in order (a later column of the same name wins, as in
    // pg's rows); names are quoted with JSON.stringify, so any alias is safe. `__proto__` as a
    // literal key would set the prototype instead: such a row is built property by property.
    make = names.includes("__proto__")
      ? (values) =>
          Object.fromEntries(names.map((name, i) => [name, values[i]]))
      : (new Function(
          "v",
          `return { ${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(", ")} };`,
        ) as RowMaker);
    MAKERS.set(key, make);
  }
  return make;
}
