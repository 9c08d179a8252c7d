import { DomainError, FieldViolation } from '@pactwatch/domain';
import { EntityManager } from 'typeorm';

/**
 * Locks a row of the caller's workspace for an edit and checks the version the client read:
 * NOT_FOUND (field `id`) when the workspace has no such row, CONFLICT with the current version
 * when it changed since.
 */
export async function lockForEdit<T extends { version: number }>(
  m: EntityManager,
  opts: { table: string; alias: string; columns: string; what: string; workspaceId: string; id: string; expectedVersion: number },
): Promise<T> {
  const [row]: T[] = await m.query(
    `SELECT ${opts.columns} FROM ${opts.table} ${opts.alias} WHERE ${opts.alias}.workspace_id = $1 AND ${opts.alias}.id = $2 FOR UPDATE`,
    [opts.workspaceId, opts.id],
  );
  if (!row) throw DomainError.notFound(opts.what, opts.id, 'id');
  if (row.version !== opts.expectedVersion) {
    throw DomainError.conflict(
      `${opts.what} ${opts.id} was changed by someone else: it is at version ${row.version}, not ${opts.expectedVersion}. Reload it and apply your change again.`,
      { field: 'expectedVersion', currentVersion: row.version },
    );
  }
  return row;
}

/** Sets the columns and moves the version on; returns nothing (read the row afresh). */
export async function updateVersioned(m: EntityManager, table: string, workspaceId: string, id: string, set: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(set);
  await m.query(
    `UPDATE ${table} SET ${[...columns.map((c, i) => `${c} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, ...columns.map((c) => set[c])],
  );
}

/** Throws every violation at once as BAD_USER_INPUT; nothing written. */
export function refuse(violations: (FieldViolation | null)[]): void {
  const found = violations.filter((v): v is FieldViolation => v !== null);
  if (found.length) throw DomainError.badInput(found);
}

/** Runs a write whose unique constraint may still refuse it (a concurrent twin): bad input naming the field, not an internal error. */
export async function unlessTaken<T>(write: () => Promise<T>, violation: FieldViolation): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw DomainError.badInput([violation]);
    throw e;
  }
}

/**
 * Archived reference data (parties, organizations, people, themes) stays on the records that use
 * it but is not taken up anew: BAD_USER_INPUT naming the field for an archived one the record does
 * not already hold (`kept`: its current ones; empty for a new record).
 */
export function refuseArchived(field: string, what: string, archived: string[], kept: readonly string[] = []): void {
  const fresh = archived.filter((a) => !kept.includes(a));
  if (fresh.length) throw DomainError.badInput([{ field, message: `${field}: ${what} ${fresh.join(', ')} is archived; restore it to use it again` }]);
}
