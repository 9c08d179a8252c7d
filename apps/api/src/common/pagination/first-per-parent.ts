import { EntityManager } from 'typeorm';
import { readCursor } from './page';

export interface ChildPageOptions {
  /** Columns of the child row, aliased to the entity's property names. */
  select: string;
  /** FROM and JOINs. */
  from: string;
  /** The column holding the parent id. */
  parentColumn: string;
  /** The sort column (a timestamptz) and the tie-breaking id column. */
  sortColumn: string;
  idColumn: string;
  direction: 'ASC' | 'DESC';
  parentIds: readonly string[];
  first: number;
  after?: string | null;
  /** Cursor kind, so a cursor of another list is refused. */
  kind: string;
  workspaceId: string;
  workspaceColumn: string;
}

export interface ChildRow {
  parentId: string;
  sortText: string;
  sortId: string;
  totalCount: number;
}

/**
 * The first N children of every parent in one statement (window functions), with each parent's
 * total: "first 5 evidence per commitment" for a page of commitments is one query, not one each.
 */
export async function firstPerParent<R>(manager: EntityManager, o: ChildPageOptions): Promise<(R & ChildRow)[]> {
  const cursor = readCursor(o.after, o.kind, ['timestamp', 'uuid']);
  const cmp = o.direction === 'ASC' ? '>' : '<';
  const rows = await manager.query(
    `WITH base AS (
       SELECT ${o.select}, ${o.parentColumn} AS "parentId", ${o.sortColumn} AS "sortValue",
              ${o.sortColumn}::text AS "sortText", ${o.idColumn} AS "sortId",
              count(*) OVER (PARTITION BY ${o.parentColumn})::int AS "totalCount"
       FROM ${o.from}
       WHERE ${o.parentColumn} = ANY($1::uuid[]) AND ${o.workspaceColumn} = $2
     ), ranked AS (
       SELECT *, row_number() OVER (PARTITION BY "parentId" ORDER BY "sortValue" ${o.direction}, "sortId" ${o.direction}) AS rn
       FROM base
       WHERE $3::timestamptz IS NULL OR ("sortValue", "sortId") ${cmp} ($3::timestamptz, $4::uuid)
     )
     SELECT * FROM ranked WHERE rn <= $5 ORDER BY "parentId", rn`,
    [o.parentIds, o.workspaceId, cursor?.[0] ?? null, cursor?.[1] ?? null, o.first + 1],
  );
  return rows;
}
