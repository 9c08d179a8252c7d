// The canonical form only: PostgreSQL also reads braces, no hyphens or upper case, which the API never hands out.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value can be the id of a row: a UUID in its usual 8-4-4-4-12 form. Anything else
 * names no row, and must not reach SQL, where casting it to uuid fails.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
