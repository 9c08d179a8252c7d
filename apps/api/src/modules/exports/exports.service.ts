import { Injectable } from '@nestjs/common';
import { todayIso } from '@pactwatch/domain';
import { DataSource } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { filterConditions, meOf } from '../commitments/commitments.service';
import { CommitmentFilter } from '../commitments/dto/commitment-filter.input';

/** Commitments read per statement: the export holds one page at a time, whatever the workspace's size. */
export const EXPORT_PAGE = 500;
/** Status changes read per statement. */
const HISTORY_PAGE = 1000;

/** One commitment as exported: the same keys in the JSON and (as the header) in the CSV. */
export interface ExportedCommitment {
  id: string;
  /** Its reference in the system it was imported from, if any (see ImportsService). */
  reference: string | null;
  agreementId: string;
  agreement: string;
  title: string;
  description: string;
  sourceQuote: string;
  status: string;
  priority: string;
  dueOn: string | null;
  overdue: boolean;
  parties: string[];
  themes: string[];
  ownerOrganization: string | null;
  ownerPerson: string | null;
  latestChangeFrom: string | null;
  latestChangeTo: string | null;
  latestChangeOn: string | null;
  latestChangeNote: string | null;
  latestChangeBy: string | null;
  evidenceUrls: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export const COMMITMENT_EXPORT_COLUMNS: (keyof ExportedCommitment)[] = [
  'id', 'reference', 'agreementId', 'agreement', 'title', 'description', 'sourceQuote', 'status', 'priority', 'dueOn', 'overdue', 'parties',
  'themes', 'ownerOrganization', 'ownerPerson', 'latestChangeFrom', 'latestChangeTo', 'latestChangeOn', 'latestChangeNote',
  'latestChangeBy', 'evidenceUrls', 'version', 'createdAt', 'updatedAt', 'archived',
];

/** One entry of a commitment's status history, in the order things happened. */
export interface ExportedStatusChange {
  commitmentId: string;
  commitment: string;
  id: string;
  from: string | null;
  to: string;
  occurredOn: string;
  note: string;
  reasonCode: string | null;
  actor: string;
  evidenceUrls: string[];
  createdAt: string;
}

export const STATUS_CHANGE_EXPORT_COLUMNS: (keyof ExportedStatusChange)[] = [
  'commitmentId', 'commitment', 'id', 'from', 'to', 'occurredOn', 'note', 'reasonCode', 'actor', 'evidenceUrls', 'createdAt',
];

type CommitmentPageRow = ExportedCommitment & { createdKey: string };

/**
 * The export reads keyset pages (by creation time and id) rather than holding a cursor open:
 * a slow download holds no database connection between pages, and memory stays one page
 * whatever the workspace's size. Each page is read when the consumer asks for it (async
 * generators), so a client that reads slowly slows the reading down.
 */
@Injectable()
export class ExportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The commitments of the caller's workspace the filter keeps (in use ones unless it says archived), oldest first. */
  async *commitments(caller: Caller, filter: CommitmentFilter | null): AsyncGenerator<ExportedCommitment[]> {
    for await (const page of this.commitmentPages(caller, filter)) yield page.map(({ createdKey: _key, ...row }) => row);
  }

  /** The status history of the same commitments: commitment by commitment, each in the order things happened. */
  async *statusHistory(caller: Caller, filter: CommitmentFilter | null): AsyncGenerator<ExportedStatusChange[]> {
    for await (const page of this.commitmentPages(caller, filter, true)) {
      const ids = page.map((c) => c.id);
      let after: [number, string, string, string] = [0, '-infinity', '-infinity', '00000000-0000-0000-0000-000000000000'];
      for (;;) {
        const rows: (ExportedStatusChange & { ord: number; historyKey: string; createdKey: string })[] = await this.dataSource.query(
          `SELECT p.ord::int AS ord, s.history_on::text AS "historyKey", s.created_at::text AS "createdKey",
                  s.commitment_id AS "commitmentId", c.title AS commitment, s.id, s.from_status AS "from", s.to_status AS "to",
                  s.occurred_on::text AS "occurredOn", s.note, s.reason_code AS "reasonCode", s.actor,
                  COALESCE((SELECT array_agg(e.url ORDER BY e.url) FROM status_change_evidence se JOIN evidence e ON e.id = se.evidence_id
                            WHERE se.status_change_id = s.id AND e.url IS NOT NULL), '{}') AS "evidenceUrls",
                  to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
           FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, ord)
           JOIN status_changes s ON s.commitment_id = p.id AND s.workspace_id = $1
           JOIN commitments c ON c.id = s.commitment_id
           WHERE (p.ord, s.history_on, s.created_at, s.id) > ($3::bigint, $4::date, $5::timestamptz, $6::uuid)
           ORDER BY p.ord, s.history_on, s.created_at, s.id LIMIT $7`,
          [caller.workspaceId, ids, ...after, HISTORY_PAGE],
        );
        if (!rows.length) break;
        const last = rows[rows.length - 1];
        after = [last.ord, last.historyKey, last.createdKey, last.id];
        yield rows.map(({ ord: _o, historyKey: _h, createdKey: _c, ...row }) => row);
        if (rows.length < HISTORY_PAGE) break;
      }
    }
  }

  private async *commitmentPages(caller: Caller, filter: CommitmentFilter | null, idsOnly = false): AsyncGenerator<CommitmentPageRow[]> {
    const today = todayIso();
    const me = meOf(caller, filter);
    let after: [string, string] | null = null;
    for (;;) {
      const params: unknown[] = [caller.workspaceId];
      const where = ['c.workspace_id = $1', ...filterConditions(filter, params, today, me)];
      if (after) where.push(`(c.created_at, c.id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
      const columns = idsOnly ? 'c.id' : COMMITMENT_EXPORT_SELECT(`$${params.push(today)}::date`);
      const rows: CommitmentPageRow[] = await this.dataSource.query(
        `SELECT c.created_at::text AS "createdKey", ${columns}
         FROM commitments c ${idsOnly ? '' : COMMITMENT_EXPORT_JOINS}
         WHERE ${where.join(' AND ')}
         ORDER BY c.created_at, c.id LIMIT $${params.push(EXPORT_PAGE)}`,
        params,
      );
      if (!rows.length) return;
      yield rows;
      if (rows.length < EXPORT_PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.createdKey, last.id];
    }
  }
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The exported columns of `commitments c`; `today` the parameter holding today's date (for overdue, as isOverdue in libs/domain). */
const COMMITMENT_EXPORT_SELECT = (today: string) => `
  c.id, c.external_reference AS reference, c.agreement_id AS "agreementId", a.title AS agreement, c.title, c.description, c.source_quote AS "sourceQuote",
  c.status, c.priority, c.due_on::text AS "dueOn",
  COALESCE(c.due_on < ${today} AND c.status NOT IN ('FULFILLED', 'BROKEN'), false) AS overdue,
  COALESCE((SELECT array_agg(p.code ORDER BY p.code) FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id), '{}') AS parties,
  COALESCE((SELECT array_agg(t.slug ORDER BY t.slug) FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = c.id), '{}') AS themes,
  o.acronym AS "ownerOrganization", pe.name AS "ownerPerson",
  ls.from_status AS "latestChangeFrom", ls.to_status AS "latestChangeTo", ls.occurred_on::text AS "latestChangeOn",
  ls.note AS "latestChangeNote", ls.actor AS "latestChangeBy",
  COALESCE((SELECT array_agg(e.url ORDER BY ce.created_at, e.id) FROM commitment_evidence ce JOIN evidence e ON e.id = ce.evidence_id
            WHERE ce.commitment_id = c.id AND e.url IS NOT NULL AND e.archived_at IS NULL), '{}') AS "evidenceUrls",
  c.version, ${iso('c.created_at')} AS "createdAt", ${iso('c.updated_at')} AS "updatedAt",
  (c.archived_at IS NOT NULL OR a.archived_at IS NOT NULL) AS archived`;

const COMMITMENT_EXPORT_JOINS = `
  JOIN agreements a ON a.id = c.agreement_id
  LEFT JOIN organizations o ON o.id = c.owner_organization_id
  LEFT JOIN people pe ON pe.id = c.owner_person_id
  LEFT JOIN LATERAL (
    SELECT s.from_status, s.to_status, s.occurred_on, s.note, s.actor FROM status_changes s
    WHERE s.commitment_id = c.id ORDER BY s.history_on DESC, s.created_at DESC, s.id DESC LIMIT 1
  ) ls ON true`;
