import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkEvidenceUrl, checkText, DomainError, FieldViolation, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Caller } from '../../common/context/gql-context';
import { childConnections, firstPerParent } from '../../common/pagination/first-per-parent';
import { allColumns, selectedColumns } from '../../common/sql/selected-columns';
import { ALL, needsKey, PageNeeds } from '../../common/graphql/selection';
import { assertPageSize, toConnection } from '../../common/pagination/page';
import { ActivityService } from '../activity/activity.service';
import { AddEvidenceInput } from './dto/add-evidence.input';
import { ArchiveEvidenceInput, DetachEvidenceInput } from './dto/archive-evidence.input';
import { AddEvidencePayload, ArchiveEvidencePayload, DetachEvidencePayload, UpdateEvidencePayload } from './dto/evidence.payloads';
import { returningRows } from '../../common/sql/returning-rows';
import { NewEvidenceInput } from './dto/new-evidence.input';
import { UpdateEvidenceInput } from './dto/update-evidence.input';
import { EvidenceEntity } from './evidence.entity';
import { LinkCheck } from './evidence.model';

type LinkColumns = 'linkState' | 'linkStatusCode' | 'linkFinalUrl' | 'linkError' | 'linkCheckedAt';
type EvidenceRow = Omit<EvidenceEntity, 'workspaceId' | 'updatedAt' | LinkColumns> & { archived: boolean; linkCheck: LinkCheck | null };

/** The column behind each field of Evidence (all plain: Evidence has no field resolvers). */
const EVIDENCE_FIELDS: Record<keyof EvidenceRow, string> = {
  id: 'e.id',
  url: 'e.url',
  title: 'e.title',
  publisher: 'e.publisher',
  publishedOn: 'e.published_on AS "publishedOn"',
  kind: 'e.kind',
  stance: 'e.stance',
  addedBy: 'e.added_by AS "addedBy"',
  createdAt: 'e.created_at AS "createdAt"',
  version: 'e.version',
  archivedAt: 'e.archived_at AS "archivedAt"',
  archived: 'e.archived_at IS NOT NULL AS archived',
  // One column for the object (a page reads only the columns of the fields asked for); LinkCheckResolver makes checkedAt a Date.
  linkCheck: `CASE WHEN e.link_checked_at IS NULL THEN NULL ELSE json_build_object('state', e.link_state, 'statusCode', e.link_status_code,
    'finalUrl', e.link_final_url, 'error', e.link_error, 'checkedAt', e.link_checked_at) END AS "linkCheck"`,
  archiveUrl: 'e.archive_url AS "archiveUrl"',
};

export const EVIDENCE_COLUMNS = allColumns(EVIDENCE_FIELDS);
const EVIDENCE_ALWAYS: readonly (keyof EvidenceRow)[] = ['id'];

/** The same rules the input classes apply, again at the service: it may be called from elsewhere. */
export function evidenceViolations(e: Partial<NewEvidenceInput>, prefix = '', partial = false): FieldViolation[] {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const archiveUrl = (e as { archiveUrl?: string | null }).archiveUrl;
  return [
    e.url !== undefined || !partial ? checkEvidenceUrl(String(e.url ?? ''), f('url')) : null,
    typeof archiveUrl === 'string' && archiveUrl.trim() !== '' ? checkEvidenceUrl(archiveUrl.trim(), f('archiveUrl')) : null,
    e.title !== undefined || !partial ? checkText(f('title'), e.title, { required: true, max: TITLE_MAX_LENGTH }) : null,
    checkText(f('publisher'), e.publisher, { max: NAME_MAX_LENGTH }),
  ].filter((v): v is FieldViolation => v !== null);
}

@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  /** `fields`: those asked of the sources (see @Selected), to read only their columns; all when not given. */
  evidencePage(loaders: RequestLoaders, workspaceId: string, commitmentId: string, first: number, after?: string | null, fields?: ReadonlySet<string> | null, needs: PageNeeds = ALL) {
    assertPageSize(first);
    // Only the columns of the fields asked for (the id always): a nested read of 2,000 sources that
    // shows five of their ten fields neither reads nor parses the others.
    const { select, names: outputs, key } = selectedColumns(EVIDENCE_FIELDS, fields, EVIDENCE_ALWAYS);
    return loaders
      .get<string, ReturnType<typeof toConnection<EvidenceRow, EvidenceRow>>>(`commitment.evidence:${first}:${after ?? ''}:${key}:${needsKey(needs)}`, async (ids) => {
        const rows = await firstPerParent<EvidenceRow>(this.dataSource.manager, {
          select,
          outputs,
          // Ranked on the junction's (commitment, created_at, evidence) index; only the sources kept are read.
          from: 'commitment_evidence ce',
          joinAfter: 'JOIN evidence e ON e.id = x."sortId"',
          parentColumn: 'ce.commitment_id',
          sortColumn: 'ce.created_at',
          idColumn: 'ce.evidence_id',
          direction: 'DESC',
          parentIds: ids,
          first,
          after,
          kind: 'commitment.evidence',
          workspaceId,
          workspaceColumn: 'ce.workspace_id',
          ...needs,
        });
        return childConnections(rows, ids, first, needs, 'commitment.evidence', (r) => r);
      })
      .load(commitmentId);
  }

  sourcesOf(loaders: RequestLoaders, workspaceId: string, agreementId: string) {
    return loaders
      .get<string, EvidenceRow[]>('agreement.sources', async (ids) => {
        const rows: (EvidenceRow & { parentId: string })[] = await this.dataSource.query(
          `SELECT ${EVIDENCE_COLUMNS}, j.agreement_id AS "parentId" FROM agreement_sources j JOIN evidence e ON e.id = j.evidence_id
           WHERE j.workspace_id = $1 AND j.agreement_id = ANY($2::uuid[]) ORDER BY j.created_at, e.id`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.parentId);
      })
      .load(agreementId);
  }

  evidenceOfStatusChange(loaders: RequestLoaders, workspaceId: string, statusChangeId: string) {
    return loaders
      .get<string, EvidenceRow[]>('statusChange.evidence', async (ids) => {
        const rows: (EvidenceRow & { parentId: string })[] = await this.dataSource.query(
          `SELECT ${EVIDENCE_COLUMNS}, j.status_change_id AS "parentId" FROM status_change_evidence j JOIN evidence e ON e.id = j.evidence_id
           WHERE j.workspace_id = $1 AND j.status_change_id = ANY($2::uuid[]) ORDER BY e.created_at, e.id`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.parentId);
      })
      .load(statusChangeId);
  }

  evidenceById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, EvidenceRow | null>('evidence.byId', async (ids) =>
        RequestLoaders.byId(
          await this.dataSource.query(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.workspace_id = $1 AND e.id = ANY($2::uuid[])`, [workspaceId, ids]),
          ids,
        ))
      .load(id);
  }

  /** Refuses ids that are not evidence of this workspace, or archived, naming the field. */
  async assertExist(manager: EntityManager, workspaceId: string, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string; archived: boolean }[] = await manager.query(
      'SELECT id, archived_at IS NOT NULL AS archived FROM evidence WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [workspaceId, ids],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw DomainError.notFound('Evidence', missing, field);
    const archived = rows.find((r) => r.archived);
    if (archived) throw DomainError.badInput([{ field, message: `${field}: source ${archived.id} is archived` }]);
  }

  /** Inserts new sources inside the caller's transaction, each with its activity row. */
  async createMany(manager: EntityManager, caller: Caller, inputs: NewEvidenceInput[], field: string, commitmentId: string | null = null): Promise<string[]> {
    const violations = inputs.flatMap((e, i) => evidenceViolations(e, `${field}[${i}]`));
    if (violations.length) throw DomainError.badInput(violations);
    const ids: string[] = [];
    for (const e of inputs) {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO evidence (id, workspace_id, url, title, publisher, published_on, kind, stance, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, caller.workspaceId, e.url.trim(), e.title.trim(), e.publisher?.trim() || null, e.publishedOn ?? null, e.kind, e.stance, caller.actor.label],
      );
      await this.activity.record(manager, caller, {
        verb: 'evidence.added', subjectType: 'Evidence', subjectId: id,
        after: { url: e.url, title: e.title, kind: e.kind, stance: e.stance, commitmentId },
      });
      ids.push(id);
    }
    return ids;
  }

  async attachToCommitment(manager: EntityManager, workspaceId: string, commitmentId: string, evidenceIds: string[]): Promise<void> {
    if (evidenceIds.length === 0) return;
    await manager.query(
      `INSERT INTO commitment_evidence (commitment_id, evidence_id, workspace_id)
       SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [commitmentId, evidenceIds, workspaceId],
    );
  }

  async add(caller: Caller, input: AddEvidenceInput): Promise<AddEvidencePayload> {
    if (!input.commitmentId === !input.agreementId) {
      throw DomainError.badInput([{ field: 'commitmentId', message: 'Give exactly one of commitmentId and agreementId' }]);
    }
    const evidence = await this.dataSource.transaction(async (m) => {
      if (input.commitmentId) await this.assertSubject(m, caller, 'commitments', 'Commitment', input.commitmentId, 'commitmentId');
      if (input.agreementId) await this.assertSubject(m, caller, 'agreements', 'Agreement', input.agreementId, 'agreementId');
      const [id] = await this.createMany(m, caller, [input], 'input', input.commitmentId ?? null);
      if (input.commitmentId) await this.attachToCommitment(m, caller.workspaceId, input.commitmentId, [id]);
      if (input.agreementId) {
        await m.query('INSERT INTO agreement_sources (agreement_id, evidence_id, workspace_id) VALUES ($1, $2, $3)', [input.agreementId, id, caller.workspaceId]);
      }
      return this.findOne(m, caller.workspaceId, id);
    });
    return { evidence, commitmentId: input.commitmentId ?? null, agreementId: input.agreementId ?? null };
  }

  async update(caller: Caller, input: UpdateEvidenceInput): Promise<UpdateEvidencePayload> {
    const violations = evidenceViolations(input as Partial<NewEvidenceInput>, '', true);
    if (violations.length) throw DomainError.badInput(violations);
    const evidence = await this.dataSource.transaction(async (m) => {
      const [current]: EvidenceRow[] = await m.query(
        `SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.workspace_id = $1 AND e.id = $2 FOR UPDATE`,
        [caller.workspaceId, input.id],
      );
      if (!current) throw DomainError.notFound('Evidence', input.id, 'id');
      if (current.version !== input.expectedVersion) {
        throw DomainError.conflict(
          `Evidence ${input.id} was changed by someone else: it is at version ${current.version}, not ${input.expectedVersion}. Reload it and apply your change again.`,
          { field: 'expectedVersion', currentVersion: current.version },
        );
      }
      const next = {
        url: input.url?.trim() ?? current.url,
        title: input.title?.trim() ?? current.title,
        publisher: input.publisher === undefined ? current.publisher : input.publisher?.trim() || null,
        publishedOn: input.publishedOn === undefined ? current.publishedOn : input.publishedOn,
        kind: input.kind ?? current.kind,
        stance: input.stance ?? current.stance,
        archiveUrl: input.archiveUrl === undefined ? current.archiveUrl : input.archiveUrl?.trim() || null,
      };
      // A new address has not been checked: its old link state goes, and the next pass checks it.
      const moved = next.url !== current.url;
      await m.query(
        `UPDATE evidence SET url = $3, title = $4, publisher = $5, published_on = $6, kind = $7, stance = $8, archive_url = $9,
           link_state = CASE WHEN $10 THEN NULL ELSE link_state END, link_status_code = CASE WHEN $10 THEN NULL ELSE link_status_code END,
           link_final_url = CASE WHEN $10 THEN NULL ELSE link_final_url END, link_error = CASE WHEN $10 THEN NULL ELSE link_error END,
           link_checked_at = CASE WHEN $10 THEN NULL ELSE link_checked_at END,
           version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [caller.workspaceId, input.id, next.url, next.title, next.publisher, next.publishedOn, next.kind, next.stance, next.archiveUrl, moved],
      );
      const before = {
        url: current.url, title: current.title, publisher: current.publisher, publishedOn: current.publishedOn, kind: current.kind, stance: current.stance,
        archiveUrl: current.archiveUrl,
      };
      await this.activity.record(m, caller, { verb: 'evidence.updated', subjectType: 'Evidence', subjectId: input.id, before, after: next });
      return this.findOne(m, caller.workspaceId, input.id);
    });
    return { evidence };
  }

  /** Removes a source from one commitment or one agreement. The source stays, and so do the status changes that cite it. */
  async detach(caller: Caller, input: DetachEvidenceInput): Promise<DetachEvidencePayload> {
    if (!input.commitmentId === !input.agreementId) {
      throw DomainError.badInput([{ field: 'commitmentId', message: 'Give exactly one of commitmentId and agreementId' }]);
    }
    const on = input.commitmentId
      ? { id: input.commitmentId, key: { commitmentId: input.commitmentId }, field: 'commitmentId', table: 'commitments', what: 'Commitment', join: 'commitment_evidence', column: 'commitment_id', noun: 'commitment' }
      : { id: input.agreementId as string, key: { agreementId: input.agreementId as string }, field: 'agreementId', table: 'agreements', what: 'Agreement', join: 'agreement_sources', column: 'agreement_id', noun: 'agreement' };
    const evidence = await this.dataSource.transaction(async (m) => {
      await this.assertSubject(m, caller, on.table, on.what, on.id, on.field);
      const current = await this.findOne(m, caller.workspaceId, input.evidenceId);
      if (!current) throw DomainError.notFound('Evidence', input.evidenceId, 'evidenceId');
      const removed = await returningRows(
        m,
        `DELETE FROM ${on.join} WHERE workspace_id = $1 AND ${on.column} = $2 AND evidence_id = $3 RETURNING evidence_id`,
        [caller.workspaceId, on.id, input.evidenceId],
      );
      if (!removed.length) {
        throw DomainError.badInput([{ field: 'evidenceId', message: `evidenceId: source ${input.evidenceId} is not on ${on.noun} ${on.id}` }]);
      }
      await this.activity.record(m, caller, {
        verb: 'evidence.detached', subjectType: 'Evidence', subjectId: input.evidenceId,
        before: on.key,
        after: { title: current.title, url: current.url, ...on.key },
      });
      return current;
    });
    return { evidence, commitmentId: input.commitmentId ?? null, agreementId: input.agreementId ?? null };
  }

  /**
   * Archives a source: it leaves every commitment and agreement it was on (named in the activity
   * row), and stays on the status changes that cite it, marked archived. Nothing is deleted.
   */
  async archive(caller: Caller, input: ArchiveEvidenceInput): Promise<ArchiveEvidencePayload> {
    const evidence = await this.dataSource.transaction(async (m) => {
      const [current]: EvidenceRow[] = await m.query(
        `SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.workspace_id = $1 AND e.id = $2 FOR UPDATE`,
        [caller.workspaceId, input.id],
      );
      if (!current) throw DomainError.notFound('Evidence', input.id, 'id');
      if (current.version !== input.expectedVersion) {
        throw DomainError.conflict(
          `Evidence ${input.id} was changed by someone else: it is at version ${current.version}, not ${input.expectedVersion}. Reload it and apply your change again.`,
          { field: 'expectedVersion', currentVersion: current.version, current: { url: current.url, title: current.title, publisher: current.publisher, archived: current.archived } },
        );
      }
      if (current.archived) throw DomainError.badInput([{ field: 'id', message: `Source ${input.id} is already archived` }]);
      const commitmentIds = (await returningRows<{ id: string }>(
        m,
        'DELETE FROM commitment_evidence WHERE workspace_id = $1 AND evidence_id = $2 RETURNING commitment_id AS id',
        [caller.workspaceId, input.id],
      )).map((r) => r.id);
      const agreementIds = (await returningRows<{ id: string }>(
        m,
        'DELETE FROM agreement_sources WHERE workspace_id = $1 AND evidence_id = $2 RETURNING agreement_id AS id',
        [caller.workspaceId, input.id],
      )).map((r) => r.id);
      await m.query(
        'UPDATE evidence SET archived_at = now(), version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2',
        [caller.workspaceId, input.id],
      );
      await this.activity.record(m, caller, {
        verb: 'evidence.archived', subjectType: 'Evidence', subjectId: input.id,
        before: { version: current.version, commitmentIds, agreementIds },
        // commitmentId: the first commitment it left, so live pages and feeds of that commitment hear of it.
        after: { title: current.title, url: current.url, version: current.version + 1, archived: true, commitmentId: commitmentIds[0] ?? null },
      });
      return this.findOne(m, caller.workspaceId, input.id);
    });
    return { evidence };
  }

  private async findOne(manager: EntityManager, workspaceId: string, id: string): Promise<EvidenceRow> {
    const [row] = await manager.query(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE e.workspace_id = $1 AND e.id = $2`, [workspaceId, id]);
    return row;
  }

  private async assertSubject(m: EntityManager, caller: Caller, table: string, what: string, id: string, field: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM ${table} WHERE workspace_id = $1 AND id = $2`, [caller.workspaceId, id]);
    if (!rows.length) throw DomainError.notFound(what, id, field);
  }
}
