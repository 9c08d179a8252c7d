import { Injectable } from '@nestjs/common';
import { CommitmentLinkKind, CommitmentStatus, DomainError, isUuid, todayIso } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { readRows } from '../../common/sql/read-rows';
import { Caller } from '../../common/context/gql-context';
import { ConnectionShape } from '../../common/pagination/connection.model';
import { childConnections, firstPerParent } from '../../common/pagination/first-per-parent';
import { ALL, needsKey, PageNeeds } from '../../common/graphql/selection';
import { assertPageSize, CursorPart, readCursor, toConnection } from '../../common/pagination/page';
import { CommitmentLink, LinkDirection } from './commitment-link.model';
import { Commitment } from './commitment.model';
import { COMMITMENT_COLUMNS, commitmentColumns, CommitmentRow, STATUS_CHANGE_COLUMNS, statusChangeColumns, StatusChangeRow, toCommitment, toStatusChange } from './commitment.columns';
import { CommitmentsArgs } from './dto/commitments.args';
import { CommitmentFilter } from './dto/commitment-filter.input';
import { CommitmentOrderField, OrderDirection } from './dto/commitment-order.input';
import { StatusChange } from './status-change.model';
import { StatusCountGroup, StatusCountGroupBy, StatusCountsArgs } from './status-counts.model';

type OrderSql = { expr: string | Record<OrderDirection, string>; type: string; part: CursorPart };
const ORDER: Record<CommitmentOrderField, OrderSql> = {
  CREATED_AT: { expr: 'c.created_at', type: 'timestamptz', part: 'timestamp' },
  UPDATED_AT: { expr: 'c.updated_at', type: 'timestamptz', part: 'timestamp' },
  // Undated commitments last whichever way: no date sorts as the far end of the direction asked for.
  DUE_ON: { expr: { ASC: "COALESCE(c.due_on, 'infinity'::date)", DESC: "COALESCE(c.due_on, '-infinity'::date)" }, type: 'date', part: 'date' },
  TITLE: { expr: 'lower(c.title)', type: 'text', part: 'text' },
  PRIORITY: { expr: "CASE c.priority WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 ELSE 4 END", type: 'int', part: 'integer' },
};
const orderExpr = (order: OrderSql, direction: OrderDirection) => (typeof order.expr === 'string' ? order.expr : order.expr[direction]);

/** A commitment in use: neither it nor its agreement archived. */
export const IN_USE = `c.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM agreements xa WHERE xa.id = c.agreement_id AND xa.archived_at IS NOT NULL)`;

type PagedRow = CommitmentRow & { sortText: string; totalCount: number };

/**
 * Who "assignedToMe" means for this caller: the signed-in person; an API key asking for it is
 * refused (BAD_USER_INPUT naming assignedToMe), as it is no one.
 */
export function meOf(caller: Caller, filter: CommitmentFilter | null | undefined): string | null {
  if (caller.principal.kind === 'USER') return caller.principal.userId;
  if (filter?.assignedToMe) {
    throw DomainError.badInput([{ field: 'assignedToMe', message: 'assignedToMe: an API key is no one; filter by assigneeId instead' }]);
  }
  return null;
}

/**
 * The filter as SQL conditions over `commitments c`, appending their parameters. `me`: whom
 * assignedToMe names (see meOf); with no one, assignedToMe matches nothing.
 */
export function filterConditions(filter: CommitmentFilter | null | undefined, params: unknown[], today: string, me: string | null = null): string[] {
  // Archived: the commitment itself, or its agreement. Those leave every list and count unless asked for.
  const where: string[] = [filter?.archived ? `NOT (${IN_USE})` : IN_USE];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (!filter) return where;
  // English and Spanish, accents ignored, over the commitment's text, notes and source titles (see the migration BilingualSearch).
  if (filter.search?.trim()) where.push(`c.search_vector @@ pactwatch_tsquery(${param(filter.search.trim())})`);
  if (filter.status?.length) where.push(`c.status = ANY(${param(filter.status)}::text[])`);
  if (filter.priorities?.length) where.push(`c.priority = ANY(${param(filter.priorities)}::text[])`);
  if (filter.agreementId) where.push(`c.agreement_id = ${param(filter.agreementId)}`);
  if (filter.ownerOrganizationIds?.length) where.push(`c.owner_organization_id = ANY(${param(filter.ownerOrganizationIds)}::uuid[])`);
  if (filter.partyCodes?.length) {
    where.push(`EXISTS (SELECT 1 FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.commitment_id = c.id AND p.code = ANY(${param(filter.partyCodes.map((c) => c.toUpperCase()))}::text[]))`);
  }
  if (filter.themes?.length) {
    where.push(`EXISTS (SELECT 1 FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id
      WHERE ct.commitment_id = c.id AND t.slug = ANY(${param(filter.themes)}::text[]))`);
  }
  const assignee = (userId: string | null) =>
    `EXISTS (SELECT 1 FROM commitment_assignees ca WHERE ca.workspace_id = c.workspace_id AND ca.commitment_id = c.id AND ca.user_id = ${param(userId)}::uuid)`;
  if (filter.assigneeId) where.push(assignee(filter.assigneeId));
  if (filter.assignedToMe) where.push(me ? assignee(me) : 'false');
  if (filter.brokenSources !== null && filter.brokenSources !== undefined) {
    const broken = `EXISTS (SELECT 1 FROM commitment_evidence ce JOIN evidence e ON e.id = ce.evidence_id
      WHERE ce.workspace_id = c.workspace_id AND ce.commitment_id = c.id AND e.link_state IN ('BROKEN', 'UNREACHABLE'))`;
    where.push(filter.brokenSources ? broken : `NOT ${broken}`);
  }
  if (filter.dueBefore) where.push(`c.due_on <= ${param(filter.dueBefore)}::date`);
  if (filter.dueAfter) where.push(`c.due_on >= ${param(filter.dueAfter)}::date`);
  if (filter.overdue !== null && filter.overdue !== undefined) {
    // The same rule as isOverdue in libs/domain, with the same (UTC) today.
    const overdue = `COALESCE(c.due_on < ${param(today)}::date AND c.status NOT IN ('FULFILLED', 'BROKEN'), false)`;
    where.push(filter.overdue ? overdue : `NOT ${overdue}`);
  }
  return where;
}

@Injectable()
export class CommitmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(caller: Caller, args: CommitmentsArgs): Promise<ConnectionShape<Commitment>> {
    assertPageSize(args.first);
    const field = args.orderBy?.field ?? CommitmentOrderField.CREATED_AT;
    const direction = args.orderBy?.direction ?? OrderDirection.ASC;
    const order = ORDER[field];
    const kind = `commitments:${field}:${direction}`;
    const cursor = readCursor(args.after, kind, [order.part, 'uuid']);
    const today = todayIso();
    const params: unknown[] = [caller.workspaceId];
    const where = ['c.workspace_id = $1', ...filterConditions(args.filter, params, today, meOf(caller, args.filter))];
    const cmp = direction === OrderDirection.ASC ? '>' : '<';
    const keyset = cursor
      ? `WHERE ("sortValue", id) ${cmp} ($${params.push(cursor[0])}::${order.type}, $${params.push(cursor[1])}::uuid)`
      : '';
    const rows: PagedRow[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${COMMITMENT_COLUMNS}, ${orderExpr(order, direction)} AS "sortValue", (${orderExpr(order, direction)})::text AS "sortText",
                count(*) OVER ()::int AS "totalCount"
         FROM commitments c WHERE ${where.join(' AND ')}
       ) x ${keyset}
       ORDER BY "sortValue" ${direction}, id ${direction} LIMIT $${params.push(args.first + 1)}`,
      params,
    );
    const total = rows[0]?.totalCount ?? (cursor ? await this.count(caller, args.filter, today) : 0);
    return toConnection(rows, args.first, total, (r) => [r.sortText, r.id], kind, (r) => toCommitment(r, today));
  }

  /**
   * Commitments counted by status for each party or theme, in one statement (the dashboard's
   * charts). Groups with no commitment under the filter are left out; a caller shows them as zeros.
   */
  async statusCounts(caller: Caller, args: StatusCountsArgs): Promise<StatusCountGroup[]> {
    const params: unknown[] = [caller.workspaceId];
    const where = ['c.workspace_id = $1', ...filterConditions(args.filter, params, todayIso(), meOf(caller, args.filter))];
    const join = args.groupBy === StatusCountGroupBy.PARTY
      ? 'JOIN commitment_parties l ON l.commitment_id = c.id JOIN parties g ON g.id = l.party_id AND g.workspace_id = $1'
      : 'JOIN commitment_themes l ON l.commitment_id = c.id JOIN themes g ON g.id = l.theme_id AND g.workspace_id = $1';
    const key = args.groupBy === StatusCountGroupBy.PARTY ? 'g.code' : 'g.slug';
    const rows: { key: string; status: CommitmentStatus; n: number }[] = await this.dataSource.query(
      `SELECT ${key} AS key, c.status, count(DISTINCT c.id)::int AS n
       FROM commitments c ${join}
       WHERE ${where.join(' AND ')}
       GROUP BY ${key}, c.status ORDER BY ${key}`,
      params,
    );
    const groups = new Map<string, Map<CommitmentStatus, number>>();
    for (const r of rows) {
      const group = groups.get(r.key) ?? new Map<CommitmentStatus, number>();
      group.set(r.status, r.n);
      groups.set(r.key, group);
    }
    return [...groups].map(([groupKey, counts]) => {
      const all = Object.values(CommitmentStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
      return { key: groupKey, total: all.reduce((sum, c) => sum + c.count, 0), counts: all };
    });
  }

  private async count(caller: Caller, filter: CommitmentFilter | null | undefined, today: string): Promise<number> {
    const params: unknown[] = [caller.workspaceId];
    const where = ['c.workspace_id = $1', ...filterConditions(filter, params, today, meOf(caller, filter))];
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM commitments c WHERE ${where.join(' AND ')}`, params);
    return n;
  }

  /** The commitment of the caller's workspace; NOT_FOUND naming `field` for any other id, or one that cannot be an id. */
  async findOne(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager, field = 'id'): Promise<Commitment> {
    if (!isUuid(id)) throw DomainError.notFound('Commitment', id, field);
    const [row]: CommitmentRow[] = await manager.query(
      `SELECT ${COMMITMENT_COLUMNS} FROM commitments c WHERE c.workspace_id = $1 AND c.id = $2`,
      [caller.workspaceId, id],
    );
    if (!row) throw DomainError.notFound('Commitment', id, field);
    return toCommitment(row, todayIso());
  }

  /**
   * In the caller's transaction: the commitment, its row locked until commit (so changes that
   * count or check something of it queue up); NOT_FOUND naming `field` otherwise.
   */
  async lock(m: EntityManager, caller: Caller, id: string, field: string): Promise<Commitment> {
    if (!isUuid(id)) throw DomainError.notFound('Commitment', id, field);
    const [row]: CommitmentRow[] = await m.query(
      `SELECT ${COMMITMENT_COLUMNS} FROM commitments c WHERE c.workspace_id = $1 AND c.id = $2 FOR UPDATE`,
      [caller.workspaceId, id],
    );
    if (!row) throw DomainError.notFound('Commitment', id, field);
    return toCommitment(row, todayIso());
  }

  commitmentById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, Commitment | null>('commitment.byId', async (ids) => {
        const rows: CommitmentRow[] = await this.dataSource.query(
          `SELECT ${COMMITMENT_COLUMNS} FROM commitments c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
          [workspaceId, ids],
        );
        const today = todayIso();
        return RequestLoaders.byId(rows.map((r) => toCommitment(r, today)), ids);
      })
      .load(id);
  }

  /** The first commitments of many agreements, in creation order, in one statement. */
  /** `fields`: those selected of the commitments (see selectedNames), to leave out columns nothing reads; all when not given. */
  commitmentsOfAgreement(
    loaders: RequestLoaders,
    workspaceId: string,
    agreementId: string,
    first: number,
    after?: string | null,
    needs: PageNeeds = ALL,
    fields?: ReadonlySet<string> | null,
  ) {
    assertPageSize(first);
    const columns = commitmentColumns(fields);
    return loaders
      .get<string, ConnectionShape<Commitment>>(`agreement.commitments:${first}:${after ?? ''}:${needsKey(needs)}:${columns.key}`, async (ids) => {
        const rows = await firstPerParent<CommitmentRow>(this.dataSource.manager, {
          select: columns.select,
          from: 'commitments c',
          parentColumn: 'c.agreement_id',
          sortColumn: 'c.created_at',
          idColumn: 'c.id',
          direction: 'ASC',
          parentIds: ids,
          first,
          after,
          kind: 'agreement.commitments',
          workspaceId,
          workspaceColumn: 'c.workspace_id',
          where: 'c.archived_at IS NULL',
          // An agreement has tens to hundreds of commitments, of which a page wants a few.
          strategy: 'lateral',
          ...needs,
        });
        const today = todayIso();
        return childConnections(rows, ids, first, needs, 'agreement.commitments', (r) => toCommitment(r, today));
      })
      .load(agreementId);
  }

  statusHistory(loaders: RequestLoaders, workspaceId: string, commitmentId: string, first: number, after?: string | null, needs: PageNeeds = ALL) {
    assertPageSize(first);
    return loaders
      .get<string, ConnectionShape<StatusChange>>(`commitment.statusHistory:${first}:${after ?? ''}:${needsKey(needs)}`, async (ids) => {
        const rows = await firstPerParent<StatusChangeRow>(this.dataSource.manager, {
          select: STATUS_CHANGE_COLUMNS,
          from: 'status_changes s',
          parentColumn: 's.commitment_id',
          // In the order things happened (see the migration StatusOccurredOn), newest first.
          sortColumn: 's.history_on',
          sortType: { sql: 'date', part: 'date' },
          tieColumn: 's.created_at',
          idColumn: 's.id',
          direction: 'DESC',
          parentIds: ids,
          first,
          after,
          kind: 'commitment.statusHistory',
          workspaceId,
          workspaceColumn: 's.workspace_id',
          ...needs,
        });
        return childConnections(rows, ids, first, needs, 'commitment.statusHistory', toStatusChange);
      })
      .load(commitmentId);
  }

  /** `fields`: those selected of the change (see selectedNames), to read only their columns; all when not given. */
  latestStatusChange(loaders: RequestLoaders, workspaceId: string, commitmentId: string, fields?: ReadonlySet<string> | null) {
    const columns = statusChangeColumns(fields);
    return loaders
      .get<string, StatusChange | null>(`commitment.latestStatusChange:${columns.key}`, async (ids) => {
        // Per commitment, the last change in the order things happened (the one its status comes
        // from; progress notes aside), from the (commitment, history_on, created_at, id) index.
        const rows = await readRows<StatusChangeRow & { parentOrd: number }>(
          this.dataSource.manager,
          `SELECT s.*, p.ord::int AS "parentOrd" FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, ord) CROSS JOIN LATERAL (
             SELECT ${columns.select} FROM status_changes s
             WHERE s.workspace_id = $1 AND s.commitment_id = p.id AND s.kind = 'STATUS_CHANGE'
             ORDER BY s.history_on DESC, s.created_at DESC, s.id DESC LIMIT 1
           ) s`,
          [workspaceId, ids],
        );
        const latest: (StatusChange | null)[] = ids.map(() => null);
        for (const r of rows) latest[r.parentOrd - 1] = toStatusChange(r);
        return latest;
      })
      .load(commitmentId);
  }

  linksOf(loaders: RequestLoaders, workspaceId: string, commitmentId: string) {
    return loaders
      .get<string, CommitmentLink[]>('commitment.links', async (ids) => {
        const rows: { id: string; kind: CommitmentLinkKind; fromId: string; toId: string }[] = await this.dataSource.query(
          `SELECT l.id, l.kind, l.from_commitment_id AS "fromId", l.to_commitment_id AS "toId" FROM commitment_links l
           WHERE l.workspace_id = $1 AND (l.from_commitment_id = ANY($2::uuid[]) OR l.to_commitment_id = ANY($2::uuid[]))
           ORDER BY l.created_at, l.id`,
          [workspaceId, ids],
        );
        return ids.map((id) =>
          rows
            .filter((r) => r.fromId === id || r.toId === id)
            .map((r) => linkSeenFrom(r, id)),
        );
      })
      .load(commitmentId);
  }
}

export function linkSeenFrom(row: { id: string; kind: CommitmentLinkKind; fromId: string; toId: string }, commitmentId: string): CommitmentLink {
  const outgoing = row.fromId === commitmentId;
  return {
    id: row.id,
    kind: row.kind,
    direction: outgoing ? LinkDirection.OUTGOING : LinkDirection.INCOMING,
    otherCommitmentId: outgoing ? row.toId : row.fromId,
  };
}
