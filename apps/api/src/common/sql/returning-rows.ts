/**
 * The rows of an UPDATE or DELETE … RETURNING. TypeORM's query() answers those two commands with
 * [rows, rowCount] (and every other command with the rows), which is easy to misread.
 */
export async function returningRows<T>(runner: { query(sql: string, params?: unknown[]): Promise<unknown> }, sql: string, params: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
