import { isOverdue } from '@pactwatch/domain';
import { allColumns, selectedColumns } from '../../common/sql/selected-columns';
import { CommitmentEntity } from './commitment.entity';
import { Commitment } from './commitment.model';
import { StatusChangeEntity } from './status-change.entity';
import { StatusChange } from './status-change.model';

// The column behind each field of a commitment. Only description, source quote, the timestamps and archiving
// can be left out of a read (no resolver of a commitment reads them); the others are cheap and read
// by resolvers (agreement, owners) or by `overdue`.
const COMMITMENT_FIELDS = {
  id: 'c.id',
  agreementId: 'c.agreement_id AS "agreementId"',
  title: 'c.title',
  description: 'c.description',
  sourceQuote: 'c.source_quote AS "sourceQuote"',
  ownerOrganizationId: 'c.owner_organization_id AS "ownerOrganizationId"',
  ownerPersonId: 'c.owner_person_id AS "ownerPersonId"',
  status: 'c.status',
  dueOn: 'c.due_on AS "dueOn"',
  priority: 'c.priority',
  version: 'c.version',
  createdAt: 'c.created_at AS "createdAt"',
  updatedAt: 'c.updated_at AS "updatedAt"',
  archivedAt: 'c.archived_at AS "archivedAt"',
  archived: 'c.archived_at IS NOT NULL AS archived',
};
const COMMITMENT_ALWAYS = ['id', 'agreementId', 'title', 'ownerOrganizationId', 'ownerPersonId', 'status', 'dueOn', 'priority', 'version'] as const;

export const COMMITMENT_COLUMNS = allColumns(COMMITMENT_FIELDS);

/** The commitment columns a selection needs (see selectedNames); all of them when it is not known. */
export const commitmentColumns = (fields: ReadonlySet<string> | null | undefined) => selectedColumns(COMMITMENT_FIELDS, fields, COMMITMENT_ALWAYS);

// The column behind each field of a status change (its id and commitment are always read).
const STATUS_CHANGE_FIELDS = {
  id: 's.id',
  commitmentId: 's.commitment_id AS "commitmentId"',
  kind: 's.kind',
  from: 's.from_status AS "fromStatus"',
  to: 's.to_status AS "toStatus"',
  note: 's.note',
  reasonCode: 's.reason_code AS "reasonCode"',
  actor: 's.actor',
  commitmentVersion: 's.commitment_version AS "commitmentVersion"',
  occurredOn: 's.occurred_on AS "occurredOn"',
  createdAt: 's.created_at AS "createdAt"',
};

export const STATUS_CHANGE_COLUMNS = allColumns(STATUS_CHANGE_FIELDS);

/** The status change columns a selection needs (see selectedNames); all of them when it is not known. */
const STATUS_CHANGE_ALWAYS = ['id', 'commitmentId'] as const;
export const statusChangeColumns = (fields: ReadonlySet<string> | null | undefined) => selectedColumns(STATUS_CHANGE_FIELDS, fields, STATUS_CHANGE_ALWAYS);

export type CommitmentRow = Omit<CommitmentEntity, 'workspaceId'> & { archived: boolean };
export type StatusChangeRow = Omit<StatusChangeEntity, 'workspaceId'>;

/** The row itself becomes the commitment (rows are made for one use): no copy per row. */
export function toCommitment(row: CommitmentRow, today: string): Commitment {
  const commitment = row as Commitment;
  commitment.overdue = isOverdue(row, today);
  return commitment;
}

export function toStatusChange(row: StatusChangeRow): StatusChange {
  return {
    id: row.id,
    commitmentId: row.commitmentId,
    kind: row.kind,
    from: row.fromStatus,
    to: row.toStatus,
    note: row.note,
    reasonCode: row.reasonCode,
    actor: row.actor,
    commitmentVersion: row.commitmentVersion,
    occurredOn: row.occurredOn,
    createdAt: row.createdAt,
  };
}
