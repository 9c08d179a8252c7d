import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChangeOf, DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { personOf } from '../../common/context/person';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { Watch, WatchSubject } from './digest.models';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { ActivityService } from '../activity/activity.service';
import { SavedViewsService } from '../saved-views/saved-views.service';
import { returningRows } from '../../common/sql/returning-rows';

// A watched view's filter and name are the view's own: one filter model for lists and digests.
const WATCH = `w.id, w.subject_type AS "subjectType", w.subject_id AS "subjectId", v.filter, v.name, w.created_at AS "createdAt"
  FROM watches w LEFT JOIN saved_views v ON w.subject_type = 'VIEW' AND v.id = w.subject_id`;
const SUBJECT_TABLE: Record<Exclude<WatchSubject, WatchSubject.VIEW>, { table: string; what: string }> = {
  COMMITMENT: { table: 'commitments', what: 'Commitment' },
  AGREEMENT: { table: 'agreements', what: 'Agreement' },
  PARTY: { table: 'parties', what: 'Party' },
  THEME: { table: 'themes', what: 'Theme' },
};


@Injectable()
export class WatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: DigestSubscriptionsService,
    private readonly activity: ActivityService,
    private readonly views: SavedViewsService,
  ) {}

  list(caller: Caller): Promise<Watch[]> {
    return this.dataSource.query(`SELECT ${WATCH} WHERE w.workspace_id = $1 AND w.user_id = $2 ORDER BY w.created_at, w.id`, [
      caller.workspaceId,
      personOf(caller, 'Watches'),
    ]);
  }

  /** Watching again what one already watches answers the same watch. */
  async watch(caller: Caller, subjectType: WatchSubject, subjectId: string): Promise<Watch> {
    const userId = personOf(caller, 'Watches');
    const id = await this.dataSource.transaction(async (m) => {
      if (subjectType === WatchSubject.VIEW) {
        // Someone else's private view is NOT_FOUND; a shared one is locked so it cannot turn private meanwhile.
        await m.query('SELECT 1 FROM saved_views WHERE workspace_id = $1 AND id = $2 FOR SHARE', [caller.workspaceId, subjectId]);
        await this.views.visible(m, caller, subjectId, 'subjectId');
      } else {
        const { table, what } = SUBJECT_TABLE[subjectType];
        const exists = await m.query(`SELECT 1 FROM ${table} WHERE workspace_id = $1 AND id = $2`, [caller.workspaceId, subjectId]);
        if (!exists.length) throw DomainError.notFound(what, subjectId, 'subjectId');
      }
      const [row] = await m.query(
        `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, user_id, subject_type, subject_id) WHERE subject_id IS NOT NULL DO UPDATE SET subject_id = EXCLUDED.subject_id
         RETURNING id, xmax = 0 AS inserted`,
        [randomUUID(), caller.workspaceId, userId, subjectType, subjectId],
      );
      if (row.inserted) await this.added(m, caller, row.id, { userId, subjectType, subjectId });
      return row.id as string;
    });
    return this.findOne(id);
  }

  /**
   * In the caller's transaction: makes a member of the caller's workspace watch a commitment (what
   * an assignment does, so the assignee's digest carries it). Nothing changes when they already do.
   */
  async watchCommitmentFor(m: EntityManager, caller: Caller, userId: string, commitmentId: string): Promise<void> {
    const [row] = await m.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) VALUES ($1, $2, $3, 'COMMITMENT', $4)
       ON CONFLICT (workspace_id, user_id, subject_type, subject_id) WHERE subject_id IS NOT NULL DO NOTHING RETURNING id`,
      [randomUUID(), caller.workspaceId, userId, commitmentId],
    );
    if (row) await this.added(m, caller, row.id, { userId, subjectType: WatchSubject.COMMITMENT, subjectId: commitmentId });
  }

  /** Saves the filter as a private view of the caller and watches it: a filter watch is a view watch. */
  async watchFilter(caller: Caller, name: string, filter: CommitmentFilter): Promise<Watch> {
    const userId = personOf(caller, 'Watches');
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const view = await this.views.create(m, caller, { name, filter, shared: false });
      await m.query(`INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) VALUES ($1, $2, $3, 'VIEW', $4)`, [id, caller.workspaceId, userId, view.id]);
      await this.added(m, caller, id, { userId, subjectType: WatchSubject.VIEW, subjectId: view.id });
    });
    return this.findOne(id);
  }

  async unwatch(caller: Caller, watchId: string): Promise<void> {
    const userId = personOf(caller, 'Watches');
    await this.dataSource.transaction(async (m) => {
      const [removed] = await returningRows<{ subjectType: string; subjectId: string }>(
        m,
        'DELETE FROM watches WHERE id = $1 AND workspace_id = $2 AND user_id = $3 RETURNING subject_type AS "subjectType", subject_id AS "subjectId"',
        [watchId, caller.workspaceId, userId],
      );
      if (!removed) throw DomainError.notFound('Watch', watchId, 'watchId');
      await this.activity.record(m, caller, { verb: 'watch.removed', subjectType: 'Watch', subjectId: watchId, before: { userId, ...removed } });
    });
  }

  /** A new watch, its activity row, and digest settings for a member who never chose: one transaction. */
  private async added(m: EntityManager, caller: Caller, id: string, after: ChangeOf<'watch.added'>['after']): Promise<void> {
    await this.activity.record(m, caller, { verb: 'watch.added', subjectType: 'Watch', subjectId: id, after });
    await this.subscriptions.ensureMemberDefault(caller.workspaceId, after.userId, m);
  }

  /** Whether the caller watches each commitment, directly: one statement for a page of commitments. */
  watchesCommitment(loaders: RequestLoaders, caller: Caller, commitmentId: string): Promise<boolean> {
    if (caller.principal.kind !== 'USER') return Promise.resolve(false);
    const userId = caller.principal.userId;
    return loaders
      .get<string, boolean>('commitment.watched', async (ids) => {
        const rows: { id: string }[] = await this.dataSource.query(
          `SELECT subject_id AS id FROM watches WHERE workspace_id = $1 AND user_id = $2 AND subject_type = 'COMMITMENT' AND subject_id = ANY($3::uuid[])`,
          [caller.workspaceId, userId, ids],
        );
        const watched = new Set(rows.map((r) => r.id));
        return ids.map((id) => watched.has(id));
      })
      .load(commitmentId);
  }

  private async findOne(id: string): Promise<Watch> {
    const [row] = await this.dataSource.query(`SELECT ${WATCH} WHERE w.id = $1`, [id]);
    return row;
  }
}
