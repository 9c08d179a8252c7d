import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { personOf } from '../../common/context/person';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';
import { Watch, WatchSubject } from './digest.models';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { returningRows } from '../../common/sql/returning-rows';

const WATCH = `w.id, w.subject_type AS "subjectType", w.subject_id AS "subjectId", w.filter, w.name, w.created_at AS "createdAt"`;
const SUBJECT_TABLE: Record<Exclude<WatchSubject, WatchSubject.FILTER>, { table: string; what: string }> = {
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
  ) {}

  list(caller: Caller): Promise<Watch[]> {
    return this.dataSource.query(`SELECT ${WATCH} FROM watches w WHERE w.workspace_id = $1 AND w.user_id = $2 ORDER BY w.created_at, w.id`, [
      caller.workspaceId,
      personOf(caller, 'Watches'),
    ]);
  }

  /** Watching again what one already watches answers the same watch. */
  async watch(caller: Caller, subjectType: WatchSubject, subjectId: string): Promise<Watch> {
    const userId = personOf(caller, 'Watches');
    if (subjectType === WatchSubject.FILTER) throw DomainError.badInput([{ field: 'subjectType', message: 'Save a filter with watchFilter' }]);
    const { table, what } = SUBJECT_TABLE[subjectType];
    const exists = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE workspace_id = $1 AND id = $2`, [caller.workspaceId, subjectId]);
    if (!exists.length) throw DomainError.notFound(what, subjectId, 'subjectId');
    const [row] = await this.dataSource.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, subject_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, user_id, subject_type, subject_id) WHERE subject_id IS NOT NULL DO UPDATE SET subject_id = EXCLUDED.subject_id
       RETURNING id`,
      [randomUUID(), caller.workspaceId, userId, subjectType, subjectId],
    );
    await this.subscriptions.ensureMemberDefault(caller.workspaceId, userId);
    return this.findOne(row.id);
  }

  async watchFilter(caller: Caller, name: string, filter: CommitmentFilter): Promise<Watch> {
    const userId = personOf(caller, 'Watches');
    if (!name.trim()) throw DomainError.badInput([{ field: 'name', message: 'name must not be empty' }]);
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO watches (id, workspace_id, user_id, subject_type, filter, name) VALUES ($1, $2, $3, 'FILTER', $4, $5)`,
      [id, caller.workspaceId, userId, JSON.stringify(filter), name.trim()],
    );
    await this.subscriptions.ensureMemberDefault(caller.workspaceId, userId);
    return this.findOne(id);
  }

  async unwatch(caller: Caller, watchId: string): Promise<void> {
    const rows = await returningRows(this.dataSource, 'DELETE FROM watches WHERE id = $1 AND workspace_id = $2 AND user_id = $3 RETURNING id', [
      watchId,
      caller.workspaceId,
      personOf(caller, 'Watches'),
    ]);
    if (!rows.length) throw DomainError.notFound('Watch', watchId, 'watchId');
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
    const [row] = await this.dataSource.query(`SELECT ${WATCH} FROM watches w WHERE w.id = $1`, [id]);
    return row;
  }
}
