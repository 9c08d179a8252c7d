import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  checkOccurredOn,
  checkProgressNote,
  checkStatusChange,
  checkLinkCount,
  checkText,
  CommitmentLinkKind,
  CommitmentStatus,
  dependencyCycle,
  EvidenceStance,
  StatusChangeKind,
  DESCRIPTION_MAX_LENGTH,
  DomainError,
  FieldViolation,
  QUOTE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  todayIso,
} from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { ActivityService } from '../activity/activity.service';
import { EvidenceService } from '../evidence/evidence.service';
import { PartiesService } from '../parties/parties.service';
import { ThemesService } from '../themes/themes.service';
import { COMMITMENT_COLUMNS, CommitmentRow, STATUS_CHANGE_COLUMNS, toCommitment, toStatusChange } from './commitment.columns';
import { CommitmentsService, linkSeenFrom } from './commitments.service';
import { ChangeCommitmentStatusInput } from './dto/change-commitment-status.input';
import { ArchiveCommitmentInput, RestoreCommitmentInput } from './dto/archive-commitment.input';
import {
  ArchiveCommitmentPayload,
  ChangeCommitmentStatusPayload,
  CreateCommitmentPayload,
  LinkCommitmentsPayload,
  RecordProgressPayload,
  RestoreCommitmentPayload,
  UnlinkCommitmentsPayload,
  UpdateCommitmentPayload,
} from './dto/commitment.payloads';
import { CreateCommitmentInput } from './dto/create-commitment.input';
import { LinkCommitmentsInput, UnlinkCommitmentsInput } from './dto/link-commitments.input';
import { RecordProgressInput } from './dto/record-progress.input';
import { UpdateCommitmentInput } from './dto/update-commitment.input';
import { returningRows } from '../../common/sql/returning-rows';
import { refuseArchived } from '../../common/sql/versioned-row';

const EDITABLE = ['title', 'description', 'sourceQuote', 'ownerOrganizationId', 'ownerPersonId', 'dueOn', 'priority'] as const;
const COLUMN_OF: Record<(typeof EDITABLE)[number], string> = {
  title: 'title',
  description: 'description',
  sourceQuote: 'source_quote',
  ownerOrganizationId: 'owner_organization_id',
  ownerPersonId: 'owner_person_id',
  dueOn: 'due_on',
  priority: 'priority',
};

function textViolations(input: Partial<Pick<CreateCommitmentInput, 'title' | 'description' | 'sourceQuote'>>, partial: boolean): FieldViolation[] {
  return [
    input.title !== undefined || !partial ? checkText('title', input.title, { required: true, max: TITLE_MAX_LENGTH }) : null,
    checkText('description', input.description, { max: DESCRIPTION_MAX_LENGTH }),
    checkText('sourceQuote', input.sourceQuote, { max: QUOTE_MAX_LENGTH }),
  ].filter((v): v is FieldViolation => v !== null);
}

/** Every change to commitments: one transaction each, with its activity row, or nothing at all. */
@Injectable()
export class CommitmentChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly evidence: EvidenceService,
    private readonly parties: PartiesService,
    private readonly themes: ThemesService,
    private readonly activity: ActivityService,
  ) {}

  async create(caller: Caller, input: CreateCommitmentInput): Promise<CreateCommitmentPayload> {
    const violations = textViolations(input, false);
    if (violations.length) throw DomainError.badInput(violations);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const agreementParties: { code: string }[] = await m.query(
        `SELECT p.code FROM agreements a JOIN agreement_parties ap ON ap.agreement_id = a.id JOIN parties p ON p.id = ap.party_id
         WHERE a.workspace_id = $1 AND a.id = $2`,
        [caller.workspaceId, input.agreementId],
      );
      const exists = agreementParties.length > 0 || (await m.query('SELECT 1 FROM agreements WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, input.agreementId])).length > 0;
      if (!exists) throw DomainError.notFound('Agreement', input.agreementId, 'agreementId');
      const codes = [...new Set(input.partyCodes.map((c) => c.toUpperCase()))];
      const outside = codes.filter((c) => !agreementParties.some((p) => p.code === c));
      if (outside.length) {
        throw DomainError.badInput([{ field: 'partyCodes', message: `partyCodes: ${outside.join(', ')} is not a party of this agreement` }]);
      }
      const resolved = await this.parties.partyIdsForCodes(m, caller.workspaceId, codes);
      refuseArchived('partyCodes', 'party', resolved.archived);
      const partyIds = resolved.ids;
      const themeIds = await this.themeIds(m, caller, input.themes);
      await this.assertOwner(m, caller, input.ownerOrganizationId, input.ownerPersonId);
      await m.query(
        `INSERT INTO commitments (id, workspace_id, agreement_id, title, description, source_quote, owner_organization_id,
           owner_person_id, status, due_on, priority, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ANNOUNCED', $9, $10, 1)`,
        [id, caller.workspaceId, input.agreementId, input.title.trim(), input.description.trim(), input.sourceQuote.trim(),
          input.ownerOrganizationId ?? null, input.ownerPersonId ?? null, input.dueOn ?? null, input.priority],
      );
      await this.replaceLinks(m, caller, id, partyIds, themeIds);
      await m.query(
        `INSERT INTO status_changes (id, workspace_id, commitment_id, from_status, to_status, note, actor, commitment_version)
         VALUES ($1, $2, $3, NULL, 'ANNOUNCED', 'Recorded', $4, 1)`,
        [randomUUID(), caller.workspaceId, id, caller.actor.label],
      );
      await this.activity.record(m, caller, {
        verb: 'commitment.created', subjectType: 'Commitment', subjectId: id,
        after: { title: input.title.trim(), agreementId: input.agreementId, status: CommitmentStatus.ANNOUNCED, partyCodes: codes, dueOn: input.dueOn ?? null },
      });
    });
    return { commitment: await this.commitments.findOne(caller, id) };
  }

  async update(caller: Caller, input: UpdateCommitmentInput): Promise<UpdateCommitmentPayload> {
    const violations = textViolations(input, true);
    if (violations.length) throw DomainError.badInput(violations);
    const commitment = await this.dataSource.transaction(async (m) => {
      const current = await this.lockForChange(m, caller, input.id, input.expectedVersion, 'id');
      const changed = EDITABLE.filter((k) => input[k] !== undefined && input[k] !== current[k]);
      if (input.title === null) throw DomainError.badInput([{ field: 'title', message: 'title cannot be cleared' }]);
      if (input.priority === null) throw DomainError.badInput([{ field: 'priority', message: 'priority cannot be cleared' }]);
      const owner = {
        org: input.ownerOrganizationId === undefined ? current.ownerOrganizationId : input.ownerOrganizationId,
        person: input.ownerPersonId === undefined ? current.ownerPersonId : input.ownerPersonId,
      };
      await this.assertOwner(m, caller, owner.org, owner.person, current);
      const kept = input.partyCodes || input.themes ? await this.referencesOf(m, input.id) : { partyCodes: [], themes: [] };
      let partyIds: string[] | undefined;
      if (input.partyCodes) {
        const { ids, unknown, archived } = await this.parties.partyIdsForCodes(m, caller.workspaceId, [...new Set(input.partyCodes.map((c) => c.toUpperCase()))]);
        if (unknown.length) throw DomainError.badInput([{ field: 'partyCodes', message: `partyCodes: unknown party ${unknown.join(', ')}` }]);
        refuseArchived('partyCodes', 'party', archived, kept.partyCodes);
        partyIds = ids;
      }
      const themeIds = input.themes ? await this.themeIds(m, caller, input.themes, kept.themes) : undefined;
      const values = changed.map((k) => {
        const v = input[k];
        if (v === null && (k === 'description' || k === 'sourceQuote')) return '';
        return typeof v === 'string' && k !== 'dueOn' ? v.trim() : v;
      });
      const sets = changed.map((k, i) => `${COLUMN_OF[k]} = $${i + 3}`);
      await m.query(
        `UPDATE commitments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE workspace_id = $1 AND id = $2`,
        [caller.workspaceId, input.id, ...values],
      );
      if (partyIds || themeIds) await this.replaceLinks(m, caller, input.id, partyIds, themeIds);
      await this.activity.record(m, caller, {
        verb: 'commitment.updated', subjectType: 'Commitment', subjectId: input.id,
        before: { version: current.version, ...Object.fromEntries(changed.map((k) => [k, current[k]])) },
        after: {
          version: current.version + 1,
          ...Object.fromEntries(changed.map((k, i) => [k, values[i]])),
          ...(input.partyCodes && { partyCodes: input.partyCodes }),
          ...(input.themes && { themes: input.themes }),
        },
      });
      // Read in the transaction, after its own write and before any later one: the version this change made.
      return this.commitments.findOne(caller, input.id, m);
    });
    return { commitment };
  }

  /**
   * A move of status. With no source cited or added it is two statements (a read, then one guarded
   * statement that writes everything), four with the API key's check and the rate limit; with
   * sources, a transaction that locks the commitment first.
   */
  async changeStatus(caller: Caller, input: ChangeCommitmentStatusInput): Promise<ChangeCommitmentStatusPayload> {
    const statusChangeId = randomUUID();
    const occurredOn = input.occurredOn ?? todayIso();
    const dateViolation = checkOccurredOn(occurredOn);
    if (dateViolation) throw DomainError.badInput([dateViolation]);
    const evidenceIds = [...new Set(input.evidenceIds)];
    if (!evidenceIds.length && !input.newEvidence.length) {
      // No lock is taken: the write only applies while the commitment is still at the version read
      // (and checked against the rules), so a change committed in between makes it write nothing.
      const manager = this.dataSource.manager;
      const current = await this.readForChange(manager, caller, input, occurredOn, false);
      const move = this.checkMove(current, input, occurredOn, []);
      const written = await this.writeStatusChange(manager, caller, input, current, move, statusChangeId, occurredOn, []);
      if (written) return written;
      const now = await this.readForChange(manager, caller, input, occurredOn, false);
      throw this.versionConflict(now, input.commitmentId, input.expectedVersion);
    }
    return this.dataSource.transaction(async (m) => {
      const current = await this.readForChange(m, caller, input, occurredOn, true);
      // The stances of the sources cited, for the rule that the evidence matches the verdict
      // (libs/domain); an id not found here is refused as NOT_FOUND just below.
      const cited: { stance: EvidenceStance }[] = evidenceIds.length
        ? await m.query('SELECT stance FROM evidence WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [caller.workspaceId, evidenceIds])
        : [];
      const move = this.checkMove(current, input, occurredOn, [...cited.map((e) => e.stance), ...input.newEvidence.map((e) => e.stance)]);
      await this.evidence.assertExist(m, caller.workspaceId, evidenceIds, 'evidenceIds');
      const newIds = await this.evidence.createMany(m, caller, input.newEvidence, 'newEvidence', current.id);
      const allEvidence = [...evidenceIds, ...newIds];
      await this.evidence.attachToCommitment(m, caller.workspaceId, current.id, allEvidence);
      const written = await this.writeStatusChange(m, caller, input, current, move, statusChangeId, occurredOn, allEvidence);
      // The row is locked and its version was checked: the guarded write cannot miss it.
      if (!written) throw new Error(`status change of locked commitment ${current.id} wrote nothing`);
      return written;
    });
  }

  /**
   * The commitment as the caller's change finds it, with what the rules need: the status in force
   * on the change's day and the day of the latest move. Locked until commit when `lock` is set. A
   * version other than the one the caller read is a CONFLICT.
   */
  private readForChange(m: EntityManager, caller: Caller, input: ChangeCommitmentStatusInput, occurredOn: string, lock: boolean) {
    return this.lockForChange<{ inForce: CommitmentStatus | null; lastOn: string | null }>(
      m, caller, input.commitmentId, input.expectedVersion, 'commitmentId',
      `(SELECT s.to_status FROM status_changes s WHERE s.commitment_id = c.id AND s.kind = 'STATUS_CHANGE' AND s.history_on <= $3::date
        ORDER BY s.history_on DESC, s.created_at DESC, s.id DESC LIMIT 1) AS "inForce",
       (SELECT max(s.history_on) FROM status_changes s WHERE s.commitment_id = c.id AND s.kind = 'STATUS_CHANGE')::text AS "lastOn"`,
      [occurredOn],
      lock,
    );
  }

  /**
   * The move the change makes, checked against the rules (libs/domain). The current status is that
   * of the last entry in the order things happened (history_on, then recorded time): a change dated
   * on or after the last one becomes current; one dated before it is history only, and moves from
   * the status in force on its day.
   */
  private checkMove(
    current: CommitmentRow & { inForce: CommitmentStatus | null; lastOn: string | null },
    input: ChangeCommitmentStatusInput, occurredOn: string, evidenceStances: EvidenceStance[],
  ): { from: CommitmentStatus; status: CommitmentStatus } {
    const becomesCurrent = current.lastOn === null || occurredOn >= current.lastOn;
    const from = becomesCurrent ? current.status : (current.inForce ?? current.status);
    const violations = checkStatusChange({
      from,
      to: input.status,
      note: input.note,
      reasonCode: input.reasonCode,
      evidenceCount: new Set(input.evidenceIds).size + input.newEvidence.length,
      evidenceStances,
    });
    if (violations.length) throw DomainError.badInput(violations);
    return { from, status: becomesCurrent ? input.status : current.status };
  }

  /**
   * One statement: the commitment one version further, its history entry (with its sources) and
   * the activity row, all only if the commitment is still at the version the change was checked
   * against. Every STATUS_CHANGE entry of an existing commitment is written here with a new
   * version, so at that version the history read for the rules is still the history. Null when the
   * version moved (nothing written).
   */
  private async writeStatusChange(
    m: EntityManager, caller: Caller, input: ChangeCommitmentStatusInput, current: CommitmentRow,
    move: { from: CommitmentStatus; status: CommitmentStatus }, statusChangeId: string, occurredOn: string, allEvidence: string[],
  ): Promise<ChangeCommitmentStatusPayload | null> {
    const version = current.version + 1;
    const note = input.note?.trim() ?? '';
    const reasonCode = input.reasonCode ?? null;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const [ws, id, changeId] = [param(caller.workspaceId), param(current.id), param(statusChangeId)];
    const parts = [
      `c AS (
         UPDATE commitments c SET status = ${param(move.status)}, version = ${param(version)}, updated_at = now()
         WHERE c.workspace_id = ${ws} AND c.id = ${id} AND c.version = ${param(current.version)}
         RETURNING ${COMMITMENT_COLUMNS})`,
      `entry AS (
         INSERT INTO status_changes (id, workspace_id, commitment_id, from_status, to_status, note, reason_code, actor, commitment_version, occurred_on)
         SELECT ${changeId}::uuid, ${ws}::uuid, c.id, ${param(move.from)}::text, ${param(input.status)}::text, ${param(note)}::text,
           ${param(reasonCode)}::text, ${param(caller.actor.label)}::text, c.version, ${param(occurredOn)}::date FROM c
         RETURNING created_at, occurred_on)`,
      allEvidence.length
        ? `cited AS (
             INSERT INTO status_change_evidence (status_change_id, evidence_id, workspace_id)
             SELECT ${changeId}::uuid, e.id, ${ws}::uuid FROM c, unnest(${param(allEvidence)}::uuid[]) AS e(id))`
        : null,
      // before/after.status are the change's own from and to; currentStatus is the commitment's status after it.
      `logged AS (${this.activity.insertOf(caller, {
        verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: current.id,
        before: { status: move.from, currentStatus: current.status, version: current.version },
        after: {
          title: current.title, status: input.status, currentStatus: move.status, occurredOn, version, note, reasonCode,
          evidenceIds: allEvidence, statusChangeId,
        },
      }, param, 'c')})`,
    ].filter((part) => part !== null);
    const [row]: (CommitmentRow & { entryCreatedAt: Date; entryOccurredOn: string })[] = await m.query(
      `WITH ${parts.join(',\n')}
       SELECT c.*, entry.created_at AS "entryCreatedAt", entry.occurred_on AS "entryOccurredOn" FROM c, entry`,
      params,
    );
    if (!row) return null;
    const { entryCreatedAt, entryOccurredOn, ...commitment } = row;
    return {
      commitment: toCommitment(commitment, todayIso()),
      statusChange: toStatusChange({
        id: statusChangeId, commitmentId: current.id, kind: StatusChangeKind.STATUS_CHANGE, fromStatus: move.from, toStatus: input.status,
        note, reasonCode, actor: caller.actor.label, commitmentVersion: version, occurredOn: entryOccurredOn, createdAt: entryCreatedAt,
      }),
    };
  }

  /**
   * A progress note: a note and its sources in the status history (kind PROGRESS) without a move.
   * Its from and to are the status in force on its day; the commitment's status and version stay
   * as they are, so it never conflicts with a colleague's change. One activity row, as for a change.
   */
  async recordProgress(caller: Caller, input: RecordProgressInput): Promise<RecordProgressPayload> {
    const progressId = randomUUID();
    const occurredOn = input.occurredOn ?? todayIso();
    const violations = [...checkProgressNote(input.note), ...[checkOccurredOn(occurredOn)].filter((v): v is FieldViolation => v !== null)];
    if (violations.length) throw DomainError.badInput(violations);
    await this.dataSource.transaction(async (m) => {
      // Locked like a change, so the status in force cannot move under the note while it is written.
      const current = await this.lockForChange(m, caller, input.commitmentId, null, 'commitmentId');
      if (current.archived) {
        throw DomainError.badInput([{ field: 'commitmentId', message: `commitmentId: commitment ${input.commitmentId} is archived; restore it first` }]);
      }
      const [{ inForce }]: { inForce: CommitmentStatus | null }[] = await m.query(
        `SELECT (SELECT s.to_status FROM status_changes s WHERE s.commitment_id = $1 AND s.kind = 'STATUS_CHANGE' AND s.history_on <= $2::date
                 ORDER BY s.history_on DESC, s.created_at DESC, s.id DESC LIMIT 1) AS "inForce"`,
        [current.id, occurredOn],
      );
      const status = inForce ?? current.status;
      const evidenceIds = [...new Set(input.evidenceIds)];
      await this.evidence.assertExist(m, caller.workspaceId, evidenceIds, 'evidenceIds');
      const newIds = await this.evidence.createMany(m, caller, input.newEvidence, 'newEvidence', current.id);
      const allEvidence = [...evidenceIds, ...newIds];
      await this.evidence.attachToCommitment(m, caller.workspaceId, current.id, allEvidence);
      const note = input.note.trim();
      await m.query(
        `INSERT INTO status_changes (id, workspace_id, commitment_id, kind, from_status, to_status, note, actor, commitment_version, occurred_on)
         VALUES ($1, $2, $3, 'PROGRESS', $4, $4, $5, $6, $7, $8)`,
        [progressId, caller.workspaceId, current.id, status, note, caller.actor.label, current.version, occurredOn],
      );
      if (allEvidence.length) {
        await m.query(
          'INSERT INTO status_change_evidence (status_change_id, evidence_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3',
          [progressId, allEvidence, caller.workspaceId],
        );
      }
      await this.activity.record(m, caller, {
        verb: 'commitment.progress_recorded', subjectType: 'Commitment', subjectId: current.id,
        after: { title: current.title, status, occurredOn, version: current.version, note, evidenceIds: allEvidence, statusChangeId: progressId },
      });
    });
    const [row] = await this.dataSource.query(`SELECT ${STATUS_CHANGE_COLUMNS} FROM status_changes s WHERE s.id = $1`, [progressId]);
    return { commitment: await this.commitments.findOne(caller, input.commitmentId), progress: toStatusChange(row) };
  }

  async link(caller: Caller, input: LinkCommitmentsInput): Promise<LinkCommitmentsPayload> {
    if (input.fromCommitmentId === input.toCommitmentId) {
      throw DomainError.badInput([{ field: 'toCommitmentId', message: 'A commitment cannot be linked to itself' }]);
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      // Lock both ends in id order, so two links of one pair made at once (A→B and B→A) queue up instead of deadlocking.
      const ends: [string, string][] = [[input.fromCommitmentId, 'fromCommitmentId'], [input.toCommitmentId, 'toCommitmentId']];
      const locked = new Map<string, CommitmentRow>();
      for (const [id, field] of ends.sort(([a], [b]) => (a < b ? -1 : 1))) locked.set(id, await this.lockForChange(m, caller, id, null, field));
      for (const [id, field] of ends) {
        if (locked.get(id)?.archived) throw DomainError.badInput([{ field, message: `${field}: commitment ${id} is archived; restore it first` }]);
      }
      const symmetric = input.kind === CommitmentLinkKind.RECIPROCAL;
      const existing = await m.query(
        `SELECT 1 FROM commitment_links WHERE workspace_id = $1 AND kind = $4 AND
           ((from_commitment_id = $2 AND to_commitment_id = $3) OR ($5 AND from_commitment_id = $3 AND to_commitment_id = $2))`,
        [caller.workspaceId, input.fromCommitmentId, input.toCommitmentId, input.kind, symmetric],
      );
      if (existing.length) throw DomainError.conflict(`These commitments are already linked as ${input.kind}`, { field: 'kind' });
      const counts: { id: string; n: number }[] = await m.query(
        `SELECT e.id, (SELECT count(*)::int FROM commitment_links l WHERE l.workspace_id = $1 AND (l.from_commitment_id = e.id OR l.to_commitment_id = e.id)) AS n
         FROM unnest($2::uuid[]) AS e(id)`,
        [caller.workspaceId, [input.fromCommitmentId, input.toCommitmentId]],
      );
      const tooMany = ends.map(([id, field]) => checkLinkCount(field, counts.find((c) => c.id === id)?.n ?? 0)).find((v) => v !== null);
      if (tooMany) throw DomainError.badInput([tooMany]);
      if (input.kind === CommitmentLinkKind.DEPENDS_ON) await this.assertNoDependencyCycle(m, caller, input.fromCommitmentId, input.toCommitmentId);
      await m.query(
        'INSERT INTO commitment_links (id, workspace_id, from_commitment_id, to_commitment_id, kind) VALUES ($1, $2, $3, $4, $5)',
        [id, caller.workspaceId, input.fromCommitmentId, input.toCommitmentId, input.kind],
      );
      await this.activity.record(m, caller, {
        verb: 'commitment.linked', subjectType: 'Commitment', subjectId: input.fromCommitmentId,
        after: { linkId: id, kind: input.kind, toCommitmentId: input.toCommitmentId },
      });
    });
    return {
      link: linkSeenFrom({ id, kind: input.kind, fromId: input.fromCommitmentId, toId: input.toCommitmentId }, input.fromCommitmentId),
      from: await this.commitments.findOne(caller, input.fromCommitmentId),
      to: await this.commitments.findOne(caller, input.toCommitmentId),
    };
  }

  async unlink(caller: Caller, input: UnlinkCommitmentsInput): Promise<UnlinkCommitmentsPayload> {
    const removed = await this.dataSource.transaction(async (m) => {
      const [link] = await returningRows<{ fromId: string; toId: string; kind: CommitmentLinkKind }>(
        m,
        `DELETE FROM commitment_links WHERE workspace_id = $1 AND id = $2
         RETURNING from_commitment_id AS "fromId", to_commitment_id AS "toId", kind`,
        [caller.workspaceId, input.linkId],
      );
      if (!link) throw DomainError.notFound('Link', input.linkId, 'linkId');
      await this.activity.record(m, caller, {
        verb: 'commitment.unlinked', subjectType: 'Commitment', subjectId: link.fromId,
        before: { linkId: input.linkId, kind: link.kind, toCommitmentId: link.toId },
      });
      return link;
    });
    return {
      removedLinkId: input.linkId,
      from: await this.commitments.findOne(caller, removed.fromId),
      to: await this.commitments.findOne(caller, removed.toId),
    };
  }

  /** Archives (archived: true) or restores a commitment: one version further, with its activity row; its history stays. */
  async setArchived(caller: Caller, input: ArchiveCommitmentInput | RestoreCommitmentInput, archived: boolean): Promise<ArchiveCommitmentPayload & RestoreCommitmentPayload> {
    const commitment = await this.dataSource.transaction(async (m) => {
      const current = await this.lockForChange(m, caller, input.id, input.expectedVersion, 'id');
      if (current.archived === archived) {
        throw DomainError.badInput([{ field: 'id', message: `Commitment ${input.id} is ${archived ? 'already archived' : 'not archived'}` }]);
      }
      await m.query(
        `UPDATE commitments SET archived_at = ${archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [caller.workspaceId, input.id],
      );
      await this.activity.record(m, caller, {
        verb: archived ? 'commitment.archived' : 'commitment.restored', subjectType: 'Commitment', subjectId: input.id,
        before: { version: current.version, archived: current.archived },
        after: { title: current.title, version: current.version + 1, archived },
      });
      // Read in the transaction, after its own write and before any later one: the version this change made.
      return this.commitments.findOne(caller, input.id, m);
    });
    return { commitment };
  }

  /**
   * Refuses "from depends on to" when `to` already depends, directly or through others, on `from`.
   * One lock per workspace orders these checks: two links made at once cannot each close half a cycle.
   */
  private async assertNoDependencyCycle(m: EntityManager, caller: Caller, from: string, to: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(1764960, hashtext($1::text))`, [caller.workspaceId]);
    const edges: { from: string; to: string }[] = await m.query(
      `WITH RECURSIVE reach(id) AS (
         SELECT $2::uuid
         UNION
         SELECT l.to_commitment_id FROM commitment_links l JOIN reach r ON l.from_commitment_id = r.id
         WHERE l.workspace_id = $1 AND l.kind = 'DEPENDS_ON'
       )
       SELECT l.from_commitment_id AS "from", l.to_commitment_id AS "to" FROM commitment_links l JOIN reach r ON l.from_commitment_id = r.id
       WHERE l.workspace_id = $1 AND l.kind = 'DEPENDS_ON'`,
      [caller.workspaceId, to],
    );
    const cycle = dependencyCycle(edges, from, to);
    if (cycle) {
      throw DomainError.badInput([{
        field: 'toCommitmentId',
        message: `toCommitmentId: commitment ${to} already depends on ${from}${cycle.length > 2 ? ` through ${cycle.length - 2} other commitment(s)` : ''}; DEPENDS_ON links cannot form a cycle`,
      }]);
    }
  }

  /**
   * Locks the row for the rest of the transaction (unless `lock` is false) and checks the version
   * the caller read: a stale one is a CONFLICT that tells the current version, never a silent
   * overwrite. `extra` adds columns read in the same statement (parameters from $3, in `extraParams`).
   */
  private async lockForChange<Extra extends object = object>(
    m: EntityManager, caller: Caller, id: string, expectedVersion: number | null, field: string, extra?: string, extraParams: unknown[] = [],
    lock = true,
  ): Promise<CommitmentRow & Extra> {
    const [row]: (CommitmentRow & Extra)[] = await m.query(
      `SELECT ${COMMITMENT_COLUMNS}${extra ? `, ${extra}` : ''} FROM commitments c WHERE c.workspace_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [caller.workspaceId, id, ...extraParams],
    );
    if (!row) throw DomainError.notFound('Commitment', id, field);
    if (expectedVersion !== null && row.version !== expectedVersion) throw this.versionConflict(row, id, expectedVersion);
    return row;
  }

  /** The CONFLICT of a change made against `expectedVersion`, with the commitment as it is now. */
  private versionConflict(row: CommitmentRow, id: string, expectedVersion: number): DomainError {
    return DomainError.conflict(
      `Commitment ${id} was changed by someone else: it is at version ${row.version}, not ${expectedVersion}. Reload it and apply your change again.`,
      {
        field: 'expectedVersion',
        currentVersion: row.version,
        current: {
          status: row.status, title: row.title, dueOn: row.dueOn, priority: row.priority, updatedAt: row.updatedAt,
          description: row.description, sourceQuote: row.sourceQuote, ownerOrganizationId: row.ownerOrganizationId,
          ownerPersonId: row.ownerPersonId, archived: row.archived,
        },
      },
    );
  }

  private async themeIds(m: EntityManager, caller: Caller, slugs: string[], kept: string[] = []): Promise<string[]> {
    const { ids, unknown, archived } = await this.themes.idsForSlugs(m, caller.workspaceId, [...new Set(slugs)]);
    if (unknown.length) throw DomainError.badInput([{ field: 'themes', message: `themes: unknown theme ${unknown.join(', ')}` }]);
    refuseArchived('themes', 'theme', archived, kept);
    return ids;
  }

  /** The parties (codes) and themes (slugs) the commitment holds now: archived ones among them may stay. */
  private async referencesOf(m: EntityManager, id: string): Promise<{ partyCodes: string[]; themes: string[] }> {
    const [row] = await m.query(
      `SELECT ARRAY(SELECT p.code FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = $1) AS "partyCodes",
              ARRAY(SELECT t.slug FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = $1) AS themes`,
      [id],
    );
    return row;
  }

  /** The owner exists in the workspace; an archived one only where the commitment (`current`) already has it. */
  private async assertOwner(
    m: EntityManager, caller: Caller, orgId?: string | null, personId?: string | null,
    current?: { ownerOrganizationId: string | null; ownerPersonId: string | null },
  ): Promise<void> {
    const [org] = orgId ? await m.query('SELECT archived_at IS NOT NULL AS archived FROM organizations WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, orgId]) : [];
    if (orgId && !org) throw DomainError.notFound('Organization', orgId, 'ownerOrganizationId');
    if (orgId && org.archived) refuseArchived('ownerOrganizationId', 'organization', [orgId], current?.ownerOrganizationId ? [current.ownerOrganizationId] : []);
    const [person] = personId ? await m.query('SELECT archived_at IS NOT NULL AS archived FROM people WHERE workspace_id = $1 AND id = $2', [caller.workspaceId, personId]) : [];
    if (personId && !person) throw DomainError.notFound('Person', personId, 'ownerPersonId');
    if (personId && person.archived) refuseArchived('ownerPersonId', 'person', [personId], current?.ownerPersonId ? [current.ownerPersonId] : []);
  }

  private async replaceLinks(m: EntityManager, caller: Caller, commitmentId: string, partyIds?: string[], themeIds?: string[]): Promise<void> {
    if (partyIds) {
      await m.query('DELETE FROM commitment_parties WHERE commitment_id = $1', [commitmentId]);
      await m.query('INSERT INTO commitment_parties (commitment_id, party_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3', [commitmentId, partyIds, caller.workspaceId]);
    }
    if (themeIds) {
      await m.query('DELETE FROM commitment_themes WHERE commitment_id = $1', [commitmentId]);
      await m.query('INSERT INTO commitment_themes (commitment_id, theme_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3', [commitmentId, themeIds, caller.workspaceId]);
    }
  }
}
