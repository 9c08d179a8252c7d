import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { personOf } from '../../common/context/person';
import { returningRows } from '../../common/sql/returning-rows';
import { ActivityService } from '../activity/activity.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { CommitmentOrder } from '../commitments/dto/commitment-order.input';
import { DeleteViewInput, SaveViewInput, UpdateViewInput } from './dto/saved-view.inputs';
import { SavedView } from './saved-view.model';

const VIEW = `v.id, v.name, v.filter, v."order", v.shared, COALESCE(v.owner_id = $2::uuid, false) AS mine, u.name AS "ownerName", v.version,
  v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;
/** The views a caller may see: the shared ones and their own ($2: the caller's user id, null for an API key). */
const VISIBLE = 'v.workspace_id = $1 AND (v.shared OR v.owner_id = $2::uuid)';

/** Plain JSON of a filter or order (class instances and undefined fields dropped), as the list and the digests read it. */
const plain = (value: CommitmentFilter | CommitmentOrder | null | undefined) =>
  value ? (Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Record<string, unknown>) : null;

/**
 * What a private view's activity row may say: it is in the feed of every reader, so only the
 * view's id and version, never its name or filter. A shared view's rows say what everyone sees.
 */
const described = (v: { name: string; filter: unknown; shared: boolean; version: number }) =>
  v.shared ? { name: v.name, filter: v.filter, shared: true, version: v.version } : { shared: false, version: v.version };

@Injectable()
export class SavedViewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  list(caller: Caller): Promise<SavedView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW} FROM saved_views v JOIN users u ON u.id = v.owner_id WHERE ${VISIBLE} ORDER BY lower(v.name), v.id LIMIT 500`,
      [caller.workspaceId, userOf(caller)],
    );
  }

  /** A view the caller may see, or NOT_FOUND naming `field` (someone else's private view included). */
  async visible(m: EntityManager | DataSource, caller: Caller, id: string, field: string): Promise<SavedView> {
    const [row] = await m.query(`SELECT ${VIEW} FROM saved_views v JOIN users u ON u.id = v.owner_id WHERE ${VISIBLE} AND v.id = $3`, [caller.workspaceId, userOf(caller), id]);
    if (!row) throw DomainError.notFound('View', id, field);
    return row;
  }

  async save(caller: Caller, input: SaveViewInput): Promise<SavedView> {
    return this.dataSource.transaction((m) => this.create(m, caller, input));
  }

  /** In the caller's transaction: also how watchFilter saves the filter it watches. */
  async create(m: EntityManager, caller: Caller, input: { name: string; filter: CommitmentFilter; order?: CommitmentOrder | null; shared: boolean }): Promise<SavedView> {
    const ownerId = personOf(caller, 'Saved views');
    if (input.shared) assertMayShare(caller);
    const id = randomUUID();
    const row = { name: input.name.trim(), filter: plain(input.filter) ?? {}, order: plain(input.order), shared: input.shared };
    await m.query('INSERT INTO saved_views (id, workspace_id, owner_id, name, filter, "order", shared) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id, caller.workspaceId, ownerId, row.name, JSON.stringify(row.filter), row.order ? JSON.stringify(row.order) : null, row.shared,
    ]);
    await this.activity.record(m, caller, { verb: 'saved_view.created', subjectType: 'SavedView', subjectId: id, after: described({ ...row, version: 1 }) });
    return this.visible(m, caller, id, 'id');
  }

  async update(caller: Caller, input: UpdateViewInput): Promise<SavedView> {
    for (const field of ['name', 'filter', 'shared'] as const) {
      if (input[field] === null) throw DomainError.badInput([{ field, message: `${field} cannot be cleared` }]);
    }
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, caller, input.id, input.expectedVersion);
      if (input.shared === true && !current.shared) assertMayShare(caller);
      const next = {
        name: input.name?.trim() ?? current.name,
        filter: input.filter ? (plain(input.filter) ?? {}) : current.filter,
        order: input.order !== undefined ? plain(input.order) : current.order,
        shared: input.shared ?? current.shared,
      };
      await m.query('UPDATE saved_views SET name = $3, filter = $4, "order" = $5, shared = $6, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2', [
        caller.workspaceId, input.id, next.name, JSON.stringify(next.filter), next.order ? JSON.stringify(next.order) : null, next.shared,
      ]);
      if (current.shared && !next.shared) await this.narrowed(m, caller, current);
      await this.activity.record(m, caller, {
        verb: 'saved_view.updated', subjectType: 'SavedView', subjectId: input.id,
        before: described(current), after: described({ ...next, version: current.version + 1 }),
      });
      return this.visible(m, caller, input.id, 'id');
    });
  }

  async remove(caller: Caller, input: DeleteViewInput): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, caller, input.id, input.expectedVersion);
      await this.narrowed(m, caller, current);
      // The owner's own watches of it go with it.
      await m.query(`DELETE FROM watches WHERE workspace_id = $1 AND subject_type = 'VIEW' AND subject_id = $2`, [caller.workspaceId, input.id]);
      await m.query('DELETE FROM saved_views WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, input.id]);
      await this.activity.record(m, caller, { verb: 'saved_view.deleted', subjectType: 'SavedView', subjectId: input.id, before: described(current) });
    });
  }

  /**
   * A view others could see becomes its owner's alone (made private or deleted): other members'
   * watches of it end (each with its watch.removed row), and outside recipients who followed it
   * keep what they got, as a filter of their own, so their digests never widen.
   */
  private async narrowed(m: EntityManager, caller: Caller, view: SavedView): Promise<void> {
    const ended = await returningRows<{ id: string; userId: string }>(
      m,
      `DELETE FROM watches WHERE workspace_id = $1 AND subject_type = 'VIEW' AND subject_id = $2 AND user_id <> $3 RETURNING id, user_id AS "userId"`,
      [caller.workspaceId, view.id, userOf(caller)],
    );
    for (const w of ended) {
      await this.activity.record(m, caller, { verb: 'watch.removed', subjectType: 'Watch', subjectId: w.id, before: { userId: w.userId, subjectType: 'VIEW', subjectId: view.id } });
    }
    await m.query('UPDATE digest_subscriptions SET filter = $3, view_id = NULL WHERE workspace_id = $1 AND view_id = $2', [caller.workspaceId, view.id, JSON.stringify(view.filter)]);
  }

  /** The caller's own view, locked: NOT_FOUND when they cannot see it, FORBIDDEN when it is someone else's shared view, CONFLICT when stale. */
  private async lockOwn(m: EntityManager, caller: Caller, id: string, expectedVersion: number): Promise<SavedView> {
    personOf(caller, 'Saved views');
    await m.query('SELECT 1 FROM saved_views WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [caller.workspaceId, id]);
    const view = await this.visible(m, caller, id, 'id');
    if (!view.mine) throw new DomainError(ErrorCode.FORBIDDEN, `View ${id} is ${view.ownerName}'s: only its owner changes it`, { field: 'id' });
    if (view.version !== expectedVersion) {
      throw DomainError.conflict(`View ${id} was changed meanwhile: it is at version ${view.version}, not ${expectedVersion}. Reload it and apply your change again.`, {
        field: 'expectedVersion', currentVersion: view.version,
      });
    }
    return view;
  }
}

function userOf(caller: Caller): string | null {
  return caller.principal.kind === 'USER' ? caller.principal.userId : null;
}

/** Sharing with the workspace is for those who may write (analysts and above); viewers keep views to themselves. */
function assertMayShare(caller: Caller): void {
  if (!caller.permissions.includes(Permission.WRITE)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Sharing a view with the workspace needs an analyst or above; keep it private instead', { field: 'shared' });
  }
}
