import { EntityManager } from 'typeorm';
import { readRows } from '../sql/read-rows';
import type { PageNeeds } from '../graphql/selection';
import { RequestLoaders } from '../dataloaders/request-loaders';
import { ConnectionShape } from './connection.model';
import { CursorPart, readCursor, toConnection } from './page';

export interface ChildPageOptions {
  /** Columns of the child row, aliased to the entity's property names. */
  select: string;
  /**
   * The names `select` comes out as, when known: the rows then carry those and the page's own
   * (parentOrd, sortText, sortId, totalCount), not the sort value and rank used to find them.
   */
  outputs?: string[];
  /** FROM and JOINs. */
  from: string;
  /** The column holding the parent id. */
  parentColumn: string;
  /** The sort column (a timestamptz unless `sortType` says otherwise) and the tie-breaking id column. */
  sortColumn: string;
  idColumn: string;
  /** The sort column's SQL type and cursor shape; timestamptz by default. */
  sortType?: { sql: string; part: CursorPart };
  /** A timestamptz sorted after the sort column and before the id (a change's recorded time after the day it happened). */
  tieColumn?: string;
  direction: 'ASC' | 'DESC';
  parentIds: readonly string[];
  first: number;
  after?: string | null;
  /** Cursor kind, so a cursor of another list is refused. */
  kind: string;
  workspaceId: string;
  workspaceColumn: string;
  /** A further condition on the children (over `from`): 'c.archived_at IS NULL'. */
  where?: string;
  /**
   * How to read them (the same rows either way). 'window' (the default) numbers all children of
   * all parents at once: cheapest when each parent has few. 'lateral' reads, per parent, only its
   * first N + 1 children from a (parent, sort, id) index and counts the rest: cheaper when parents
   * have many children and only a few are wanted (an agreement's first 20 of 100 commitments).
   */
  strategy?: 'window' | 'lateral';
  /**
   * A table joined to the page's rows after they are ranked (window strategy only), which `select`
   * then reads from: for children reached through a junction table, `from` is the junction (its
   * parent, sort and id columns ranked straight from its index) and this joins the rows it names,
   * only for the rows kept: 'JOIN evidence e ON e.id = x."sortId"'. Without it `select` reads `from`.
   */
  joinAfter?: string;
  /** Count each parent's children (totalCount); false when the total is not selected. Default true. */
  count?: boolean;
  /** Return the sort keys cursors are made of (sortText, sortId); false when no cursor is selected. Default true. */
  cursors?: boolean;
}

export interface ChildRow {
  /** The parent's position in `parentIds`, from 1. */
  parentOrd: number;
  /** Only when `cursors` was asked for; tieText only with a tieColumn. */
  sortText: string;
  tieText?: string;
  sortId: string;
  /** Only when `count` was asked for. */
  totalCount: number;
}

/**
 * The first N children of every parent in one statement, with each parent's total: "first 5
 * evidence per commitment" for a page of commitments is one query, not one each. Rows come
 * grouped by parent, in order. The parent ids must be distinct (DataLoader keys are).
 */
export async function firstPerParent<R>(manager: EntityManager, o: ChildPageOptions): Promise<(R & ChildRow)[]> {
  const type = o.sortType ?? { sql: 'timestamptz', part: 'timestamp' };
  const cursor = readCursor(o.after, o.kind, [type.part, ...(o.tieColumn ? ['timestamp' as const] : []), 'uuid']);
  const cmp = o.direction === 'ASC' ? '>' : '<';
  const count = o.count ?? true;
  const cursors = o.cursors ?? true;
  const also = o.where ? ` AND ${o.where}` : '';
  const params = [o.parentIds, o.workspaceId, cursor?.[0] ?? null, cursor?.[cursor.length - 1] ?? null, o.first + 1, ...(o.tieColumn ? [cursor?.[1] ?? null] : [])];
  // The cursor's position: ($3, $4) or, with a tie column, ($3, $6, $4).
  const after = o.tieColumn ? `($3::${type.sql}, $6::timestamptz, $4::uuid)` : `($3::${type.sql}, $4::uuid)`;
  if (o.strategy === 'lateral') {
    const keys = [o.sortColumn, ...(o.tieColumn ? [o.tieColumn] : []), o.idColumn];
    const order = keys.map((k) => `${k} ${o.direction}`).join(', ');
    return readRows<R & ChildRow>(
      manager,
      `SELECT x.*, p.ord::int AS "parentOrd"${count ? ', n."totalCount"' : ''}
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, ord)
       ${count ? `CROSS JOIN LATERAL (
         SELECT count(*)::int AS "totalCount" FROM ${o.from} WHERE ${o.parentColumn} = p.id AND ${o.workspaceColumn} = $2${also}
       ) n` : ''}
       CROSS JOIN LATERAL (
         SELECT ${o.select}${cursors ? `, ${o.sortColumn}::text AS "sortText", ${o.tieColumn ? `${o.tieColumn}::text AS "tieText", ` : ''}${o.idColumn} AS "sortId"` : ''},
                (row_number() OVER (ORDER BY ${order}))::int AS rn
         FROM ${o.from}
         WHERE ${o.parentColumn} = p.id AND ${o.workspaceColumn} = $2${also}
           AND ($3::${type.sql} IS NULL OR (${keys.join(', ')}) ${cmp} ${after})
         ORDER BY ${order} LIMIT $5
       ) x
       ORDER BY p.ord, x.rn`,
      params,
    );
  }
  // The parents are joined from unnest($1), not matched with `= ANY($1)`: the planner estimates an
  // ANY element by element, which for hundreds of parents costs more than running the statement.
  const extra = ['"parentOrd"', ...(cursors ? ['"sortText"', ...(o.tieColumn ? ['"tieText"'] : []), '"sortId"'] : []), ...(count ? ['"totalCount"'] : [])];
  const tie = o.tieColumn ? ['"tieValue"'] : [];
  const ranked = `WITH base AS (
       SELECT ${o.joinAfter ? '' : `${o.select}, `}k.ord::int AS "parentOrd", ${o.sortColumn} AS "sortValue",
              ${o.tieColumn ? `${o.tieColumn} AS "tieValue", ` : ''}
              ${cursors ? `${o.sortColumn}::text AS "sortText", ${o.tieColumn ? `${o.tieColumn}::text AS "tieText", ` : ''}` : ''}${o.idColumn} AS "sortId"
              ${count ? `, count(*) OVER (PARTITION BY ${o.parentColumn})::int AS "totalCount"` : ''}
       FROM unnest($1::uuid[]) WITH ORDINALITY AS k(id, ord), ${o.from}
       WHERE ${o.parentColumn} = k.id AND ${o.workspaceColumn} = $2${also}
     ), ranked AS (
       SELECT *, (row_number() OVER (PARTITION BY "parentOrd" ORDER BY ${['"sortValue"', ...tie, '"sortId"'].map((k) => `${k} ${o.direction}`).join(', ')}))::int AS rn
       FROM base
       WHERE $3::${type.sql} IS NULL OR (${['"sortValue"', ...tie, '"sortId"'].join(', ')}) ${cmp} ${after}
     )`;
  if (o.joinAfter) {
    return readRows<R & ChildRow>(
      manager,
      `${ranked}
       SELECT ${o.select}, ${extra.map((name) => `x.${name}`).join(', ')}
       FROM ranked x ${o.joinAfter} WHERE x.rn <= $5 ORDER BY x."parentOrd", x.rn`,
      params,
    );
  }
  return readRows<R & ChildRow>(
    manager,
    `${ranked}
     SELECT ${o.outputs ? `${o.outputs.map((name) => `"${name}"`).join(', ')}, ${extra.join(', ')}` : '*'}
     FROM ranked WHERE rn <= $5 ORDER BY "parentOrd", rn`,
    params,
  );
}

/**
 * The rows of firstPerParent as one connection per parent, in `parentIds` order: the total and the
 * cursors only where they were loaded (`needs`), otherwise left unread (see toConnection).
 */
export function childConnections<R extends ChildRow, T>(
  rows: R[],
  parentIds: readonly string[],
  first: number,
  needs: PageNeeds,
  kind: string,
  toNode: (row: R) => T,
): ConnectionShape<T>[] {
  return RequestLoaders.byOrdinal(rows, parentIds.length).map((group) =>
    toConnection(group, first, needs.count ? (group[0]?.totalCount ?? 0) : null, needs.cursors ? (r) => (r.tieText === undefined ? [r.sortText, r.sortId] : [r.sortText, r.tieText, r.sortId]) : null, kind, toNode),
  );
}
