import { GqlResponse, TestApp } from './test-app';

/** The codes of the one error enum in libs/domain (kept literal so a renamed code fails here). */
export const ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'];

// A JavaScript stack frame ("    at fn (/path/file.ts:12:3)") or a file position inside the server.
const STACK_FRAME = /\bat [\w$.<>[\] ]+ \(|\n\s+at |\.ts:\d+|\.js:\d+|node_modules/;
// SQL text or a PostgreSQL driver message that leaked into an answer.
const SQL_TEXT = /\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|WHERE|RETURNING)\b|violates|duplicate key|syntax error at or near|invalid input syntax|QueryFailedError|relation "/;

/** Nothing of the server's inside in the response: no stack trace, no file positions, no SQL. */
export function expectNoLeak(res: unknown): void {
  const text = JSON.stringify(res);
  expect(text).not.toMatch(STACK_FRAME);
  expect(text.toLowerCase()).not.toContain('stacktrace');
  expect(text).not.toMatch(SQL_TEXT);
}

/**
 * The response is exactly one error with this code (and field, when given), no data was returned
 * for the operation, and nothing of the server's inside leaked.
 */
export function expectError(res: GqlResponse, code: string, field?: string | RegExp): NonNullable<GqlResponse['errors']>[number] {
  expect(res.errors).toBeDefined();
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(ERROR_CODES).toContain(error.extensions?.code);
  expect(error.extensions?.code).toBe(code);
  if (typeof field === 'string') expect(error.extensions?.field).toBe(field);
  if (field instanceof RegExp) expect(error.extensions?.field).toMatch(field);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(res.data ?? null).toBeNull();
  expectNoLeak(res);
  return error;
}

/** Row counts of every table a write can touch, to prove that a refused write wrote nothing. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const tables = [
    'agreements', 'agreement_parties', 'agreement_participants', 'agreement_sources',
    'commitments', 'commitment_parties', 'commitment_themes', 'commitment_evidence', 'commitment_links',
    'status_changes', 'status_change_evidence', 'evidence', 'indicators', 'observations', 'activity',
  ];
  const [row] = await app.sql(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row;
}

/** The newest activity rows, newest first. */
export async function activitySince(app: TestApp, afterId: string): Promise<{ id: string; verb: string; subject_type: string; subject_id: string; before: any; after: any }[]> {
  return app.sql('SELECT id::text, verb, subject_type, subject_id, before, after FROM activity WHERE id > $1::bigint ORDER BY id DESC', [afterId]);
}

/** The id of the newest activity row, to look at what a later write added. */
export async function lastActivityId(app: TestApp): Promise<string> {
  const [row] = await app.sql<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM activity');
  return row.id;
}
