import { isOverdue } from '@pactwatch/domain';
import { CommitmentEntity } from './commitment.entity';
import { Commitment } from './commitment.model';
import { StatusChangeEntity } from './status-change.entity';
import { StatusChange } from './status-change.model';

export const COMMITMENT_COLUMNS = `c.id, c.agreement_id AS "agreementId", c.title, c.description, c.source_quote AS "sourceQuote",
  c.owner_organization_id AS "ownerOrganizationId", c.owner_person_id AS "ownerPersonId", c.status, c.due_on AS "dueOn",
  c.priority, c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

// Columns only their own fields read (no resolver of a commitment reads them): left out of a
// nested read that does not select them. The others are cheap and read by resolvers or `overdue`.
const OPTIONAL_COMMITMENT_COLUMNS: Record<string, string> = {
  description: 'c.description',
  sourceQuote: 'c.source_quote AS "sourceQuote"',
  createdAt: 'c.created_at AS "createdAt"',
  updatedAt: 'c.updated_at AS "updatedAt"',
};
const BASE_COMMITMENT_COLUMNS = `c.id, c.agreement_id AS "agreementId", c.title, c.owner_organization_id AS "ownerOrganizationId",
  c.owner_person_id AS "ownerPersonId", c.status, c.due_on AS "dueOn", c.priority, c.version`;

/**
 * The commitment columns a selection needs (see selectedNames): all but the optional ones it does
 * not select; all of them when the selection is not known. Returns the columns and a key naming them.
 */
export function commitmentColumns(fields: ReadonlySet<string> | null | undefined): { select: string; key: string } {
  if (!fields) return { select: COMMITMENT_COLUMNS, key: '*' };
  const optional = Object.keys(OPTIONAL_COMMITMENT_COLUMNS).filter((name) => fields.has(name));
  return { select: [BASE_COMMITMENT_COLUMNS, ...optional.map((name) => OPTIONAL_COMMITMENT_COLUMNS[name])].join(', '), key: optional.join(',') };
}

export const STATUS_CHANGE_COLUMNS = `s.id, s.commitment_id AS "commitmentId", s.from_status AS "fromStatus", s.to_status AS "toStatus",
  s.note, s.reason_code AS "reasonCode", s.actor, s.commitment_version AS "commitmentVersion", s.created_at AS "createdAt"`;

// A status change's columns by the field that shows each (its id and commitment are always read).
const STATUS_CHANGE_FIELDS: Record<string, string> = {
  from: 's.from_status AS "fromStatus"',
  to: 's.to_status AS "toStatus"',
  note: 's.note',
  reasonCode: 's.reason_code AS "reasonCode"',
  actor: 's.actor',
  commitmentVersion: 's.commitment_version AS "commitmentVersion"',
  createdAt: 's.created_at AS "createdAt"',
};

/** The status change columns a selection needs (see selectedNames); all when it is not known. Returns the columns and a key naming them. */
export function statusChangeColumns(fields: ReadonlySet<string> | null | undefined): { select: string; key: string } {
  if (!fields) return { select: STATUS_CHANGE_COLUMNS, key: '*' };
  const chosen = Object.keys(STATUS_CHANGE_FIELDS).filter((name) => fields.has(name));
  return { select: ['s.id', 's.commitment_id AS "commitmentId"', ...chosen.map((name) => STATUS_CHANGE_FIELDS[name])].join(', '), key: chosen.join(',') };
}

export type CommitmentRow = Omit<CommitmentEntity, 'workspaceId'>;
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
    from: row.fromStatus,
    to: row.toStatus,
    note: row.note,
    reasonCode: row.reasonCode,
    actor: row.actor,
    commitmentVersion: row.commitmentVersion,
    createdAt: row.createdAt,
  };
}
