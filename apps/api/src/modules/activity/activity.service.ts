import { Injectable } from '@nestjs/common';
import { ChangeKind, DomainError, visibleActivityVerbs } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { ConnectionShape } from '../../common/pagination/connection.model';
import { assertPageSize, readCursor, toConnection } from '../../common/pagination/page';
import { ActivityEntity } from './activity.entity';
import { Activity, ActorKind, ChangeConnection } from './activity.model';
import { ActivityAuthor, activityInsert, writeActivity } from './activity.writer';

const BIGINT_MAX = BigInt('9223372036854775807');

/** A change-feed cursor is an activity id: digits, within bigint. Anything else is refused, naming `after`. */
function readChangeCursor(after: string | null | undefined): string | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,19}$/.test(after) || BigInt(after) > BIGINT_MAX) {
    throw DomainError.badInput([{ field: 'after', message: 'after must be the id of a change (endCursor of a previous page)' }]);
  }
  return BigInt(after).toString();
}

const COLUMNS = `a.id::text AS id, a.actor_type AS "actorType", a.actor_label AS "actorLabel", a.verb,
  a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.before, a.after, a.created_at AS "createdAt",
  a.commitment_id AS "commitmentId", a.agreement_id AS "agreementId"`;

@Injectable()
export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the change inside the caller's transaction, so it exists exactly when the change does. */
  record(manager: EntityManager, caller: ActivityAuthor, change: ChangeKind): Promise<void> {
    return writeActivity(manager, caller, [change]);
  }

  /**
   * The INSERT of one change, for a write that does everything in one statement (as a
   * data-modifying WITH item): `param` adds a value to that statement's parameters and names it.
   * With `from` (a WITH item's name), one row for each row of it: none when it has none.
   */
  insertOf(caller: ActivityAuthor, change: ChangeKind, param: (value: unknown) => string, from?: string): string {
    return activityInsert(caller, change, param, from);
  }

  /** Many changes in one statement, in the order given (their ids follow it), inside the caller's transaction. */
  recordMany(manager: EntityManager, caller: ActivityAuthor, changes: readonly ChangeKind[]): Promise<void> {
    return writeActivity(manager, caller, changes);
  }

  /**
   * What a change concerns, named as it is now: the commitment's, agreement's or source's title,
   * the figure's name, for a comment the title of what it is on; null for other subjects or one
   * gone. One statement per request for every row asked about (a read across features, as the
   * log itself is), each join held to the caller's workspace.
   */
  subjectTitle(loaders: RequestLoaders, workspaceId: string, subjectType: string, subjectId: string): Promise<string | null> {
    return loaders
      .get<string, string | null>('activity.subjectTitle', async (keys) => {
        const pairs = keys.map((k) => k.split(':'));
        const rows: { title: string | null }[] = await this.dataSource.query(
          `SELECT COALESCE(c.title, ag.title, e.title, i.name, cc.title, ca.title) AS title
           FROM unnest($2::text[], $3::uuid[]) WITH ORDINALITY AS k(type, id, n)
           LEFT JOIN commitments c ON k.type = 'Commitment' AND c.id = k.id AND c.workspace_id = $1
           LEFT JOIN agreements ag ON k.type = 'Agreement' AND ag.id = k.id AND ag.workspace_id = $1
           LEFT JOIN evidence e ON k.type = 'Evidence' AND e.id = k.id AND e.workspace_id = $1
           LEFT JOIN indicators i ON k.type = 'Indicator' AND i.id = k.id AND i.workspace_id = $1
           LEFT JOIN comments cm ON k.type = 'Comment' AND cm.id = k.id AND cm.workspace_id = $1
           LEFT JOIN commitments cc ON cm.subject_type = 'COMMITMENT' AND cc.id = cm.subject_id AND cc.workspace_id = $1
           LEFT JOIN agreements ca ON cm.subject_type = 'AGREEMENT' AND ca.id = cm.subject_id AND ca.workspace_id = $1
           ORDER BY k.n`,
          [workspaceId, pairs.map(([type]) => type), pairs.map(([, id]) => id)],
        );
        return rows.map((r) => r.title);
      })
      .load(`${subjectType}:${subjectId}`);
  }

  /** Newest first; the cursor is the activity id. Only the verbs the caller may see (ACTIVITY_VERBS), counted alike. */
  async list(caller: Caller, first: number, after?: string | null, subjectId?: string | null): Promise<ConnectionShape<Activity>> {
    assertPageSize(first);
    const cursor = readCursor(after, 'activity', ['bigint']);
    const verbs = visibleActivityVerbs(caller.permissions);
    const rows: (ActivityEntity & { totalCount: number })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${COLUMNS}, a.id AS seq, count(*) OVER ()::int AS "totalCount"
         FROM activity a WHERE a.workspace_id = $1 AND ($2::uuid IS NULL OR a.subject_id = $2) AND a.verb = ANY($5)
       ) x WHERE $3::bigint IS NULL OR seq < $3::bigint
       ORDER BY seq DESC LIMIT $4`,
      [caller.workspaceId, subjectId ?? null, cursor?.[0] ?? null, first + 1, verbs],
    );
    const total = rows[0]?.totalCount ?? (cursor ? await this.count(caller, verbs, subjectId) : 0);
    return toConnection(rows, first, total, (r) => [r.id], 'activity', (r) => ({ ...r, actorType: r.actorType as ActorKind }));
  }

  /**
   * Oldest first, after the change `after` (an activity id). Complete without looking at
   * transactions: the activity_order trigger (migration 1764700000000) gives a row its id under a
   * per-workspace lock held until commit, so within a workspace ids are taken in commit order and
   * no row with a smaller id than a visible one can still commit. Hidden verbs are skipped, never
   * waited for; the cursor moves past them only with the next visible change.
   */
  async changes(caller: Caller, first: number, after?: string | null): Promise<ChangeConnection> {
    assertPageSize(first);
    const position = readChangeCursor(after);
    const rows: ActivityEntity[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM activity a
       WHERE a.workspace_id = $1 AND a.verb = ANY($2) AND ($3::bigint IS NULL OR a.id > $3::bigint)
       ORDER BY a.id LIMIT $4`,
      [caller.workspaceId, visibleActivityVerbs(caller.permissions), position, first + 1],
    );
    const page = rows.slice(0, first);
    return {
      edges: page.map((r) => ({ cursor: r.id, node: { ...r, actorType: r.actorType as ActorKind } })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? position },
    };
  }

  private async count(caller: Caller, verbs: string[], subjectId?: string | null): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM activity WHERE workspace_id = $1 AND ($2::uuid IS NULL OR subject_id = $2) AND verb = ANY($3)',
      [caller.workspaceId, subjectId ?? null, verbs],
    );
    return n;
  }
}
