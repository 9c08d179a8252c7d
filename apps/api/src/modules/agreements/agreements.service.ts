import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Caller } from '../../common/context/gql-context';
import { refuseArchived } from '../../common/sql/versioned-row';
import { ConnectionShape } from '../../common/pagination/connection.model';
import { assertPageSize, readCursor, toConnection } from '../../common/pagination/page';
import { ActivityService } from '../activity/activity.service';
import { PartiesService } from '../parties/parties.service';
import { AgreementEntity } from './agreement.entity';
import { Agreement } from './agreement.model';
import { ArchiveAgreementPayload, CreateAgreementPayload, RestoreAgreementPayload, UpdateAgreementPayload } from './dto/agreement.payloads';
import { ArchiveAgreementInput, RestoreAgreementInput } from './dto/archive-agreement.input';
import { AgreementsArgs } from './dto/agreements.args';
import { CreateAgreementInput } from './dto/create-agreement.input';
import { UpdateAgreementInput } from './dto/update-agreement.input';

const COLUMNS = `a.id, a.title, a.kind, a.held_on AS "heldOn", a.signed_on AS "signedOn", a.in_force_on AS "inForceOn",
  a.place, a.summary, a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  a.archived_at AS "archivedAt", a.archived_at IS NOT NULL AS archived`;

type AgreementRow = Omit<AgreementEntity, 'workspaceId'> & { archived: boolean };
const FIELDS = ['title', 'kind', 'heldOn', 'signedOn', 'inForceOn', 'place', 'summary'] as const;
const COLUMN_OF: Record<(typeof FIELDS)[number], string> = {
  title: 'title', kind: 'kind', heldOn: 'held_on', signedOn: 'signed_on', inForceOn: 'in_force_on', place: 'place', summary: 'summary',
};

/** What a CONFLICT tells of the newer version, so a form can show what changed meanwhile. */
function conflictFacts(row: AgreementRow) {
  return {
    title: row.title, kind: row.kind, heldOn: row.heldOn, signedOn: row.signedOn, inForceOn: row.inForceOn,
    place: row.place, summary: row.summary, archived: row.archived, updatedAt: row.updatedAt,
  };
}

@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: PartiesService,
    private readonly activity: ActivityService,
  ) {}

  /** Newest first. */
  async list(caller: Caller, args: AgreementsArgs): Promise<ConnectionShape<Agreement>> {
    assertPageSize(args.first);
    const cursor = readCursor(args.after, 'agreements', ['timestamp', 'uuid']);
    const params: unknown[] = [caller.workspaceId];
    const param = (v: unknown) => `$${params.push(v)}`;
    const where = ['a.workspace_id = $1'];
    const f = args.filter;
    where.push(f?.archived ? 'a.archived_at IS NOT NULL' : 'a.archived_at IS NULL');
    if (f?.search?.trim()) {
      const like = param(`%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(a.title ILIKE ${like} OR a.summary ILIKE ${like} OR a.place ILIKE ${like})`);
    }
    if (f?.kinds?.length) where.push(`a.kind = ANY(${param(f.kinds)}::text[])`);
    if (f?.partyCodes?.length) {
      where.push(`EXISTS (SELECT 1 FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id
        WHERE ap.agreement_id = a.id AND p.code = ANY(${param(f.partyCodes.map((c) => c.toUpperCase()))}::text[]))`);
    }
    const filterParams = [...params];
    const keyset = cursor ? `WHERE ("createdAt", id) < (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)` : '';
    const rows: (AgreementRow & { sortText: string; totalCount: number })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${COLUMNS}, a.created_at::text AS "sortText", count(*) OVER ()::int AS "totalCount"
         FROM agreements a WHERE ${where.join(' AND ')}
       ) x ${keyset} ORDER BY "createdAt" DESC, id DESC LIMIT ${param(args.first + 1)}`,
      params,
    );
    // An empty page after a cursor has no row to carry the total: count separately then.
    const total = rows[0]?.totalCount ??
      (cursor ? (await this.dataSource.query(`SELECT count(*)::int AS n FROM agreements a WHERE ${where.join(' AND ')}`, filterParams))[0].n : 0);
    return toConnection(rows, args.first, total, (r) => [r.sortText, r.id], 'agreements', (r) => r);
  }

  /** The agreement of the caller's workspace; NOT_FOUND for any other id, or one that cannot be an id. */
  async findOne(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<Agreement> {
    if (!isUuid(id)) throw DomainError.notFound('Agreement', id, 'id');
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM agreements a WHERE a.workspace_id = $1 AND a.id = $2`, [caller.workspaceId, id]);
    if (!row) throw DomainError.notFound('Agreement', id, 'id');
    return row;
  }

  agreementById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, Agreement | null>('agreement.byId', async (ids) =>
        RequestLoaders.byId(await this.dataSource.query(`SELECT ${COLUMNS} FROM agreements a WHERE a.workspace_id = $1 AND a.id = ANY($2::uuid[])`, [workspaceId, ids]), ids))
      .load(id);
  }

  async create(caller: Caller, input: CreateAgreementInput): Promise<CreateAgreementPayload> {
    const id = randomUUID();
    const agreement = await this.dataSource.transaction(async (m) => {
      const partyIds = await this.partyIds(m, caller, input.partyCodes);
      await this.assertPeople(m, caller, input.participantIds);
      await m.query(
        `INSERT INTO agreements (id, workspace_id, title, kind, held_on, signed_on, in_force_on, place, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, caller.workspaceId, input.title.trim(), input.kind, input.heldOn ?? null, input.signedOn ?? null, input.inForceOn ?? null,
          input.place?.trim() || null, input.summary.trim()],
      );
      await this.replaceMembers(m, caller, id, partyIds, input.participantIds);
      await this.activity.record(m, caller, {
        verb: 'agreement.created', subjectType: 'Agreement', subjectId: id,
        after: { title: input.title.trim(), kind: input.kind, partyCodes: input.partyCodes },
      });
      return this.findOne(caller, id, m);
    });
    return { agreement };
  }

  async update(caller: Caller, input: UpdateAgreementInput): Promise<UpdateAgreementPayload> {
    const agreement = await this.dataSource.transaction(async (m) => {
      const current = await this.lockForChange(m, caller, input.id, input.expectedVersion);
      if (input.title === null || input.kind === null) {
        throw DomainError.badInput([{ field: input.title === null ? 'title' : 'kind', message: 'title and kind cannot be cleared' }]);
      }
      const kept = input.partyCodes || input.participantIds ? await this.membersOf(m, input.id) : { partyCodes: [], participantIds: [] };
      const partyIds = input.partyCodes ? await this.partyIds(m, caller, input.partyCodes, kept.partyCodes) : undefined;
      if (input.participantIds) await this.assertPeople(m, caller, input.participantIds, kept.participantIds);
      const changed = FIELDS.filter((k) => input[k] !== undefined && input[k] !== current[k]);
      const values = changed.map((k) => {
        const v = input[k];
        return k === 'summary' && v === null ? '' : typeof v === 'string' ? v.trim() : v;
      });
      await m.query(
        `UPDATE agreements SET ${[...changed.map((k, i) => `${COLUMN_OF[k]} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE workspace_id = $1 AND id = $2`,
        [caller.workspaceId, input.id, ...values],
      );
      await this.replaceMembers(m, caller, input.id, partyIds, input.participantIds);
      await this.activity.record(m, caller, {
        verb: 'agreement.updated', subjectType: 'Agreement', subjectId: input.id,
        before: { version: current.version, ...Object.fromEntries(changed.map((k) => [k, current[k]])) },
        after: {
          version: current.version + 1,
          ...Object.fromEntries(changed.map((k, i) => [k, values[i]])),
          ...(input.partyCodes && { partyCodes: input.partyCodes }),
          ...(input.participantIds && { participantIds: input.participantIds }),
        },
      });
      // Read in the transaction, after its own write and before any later one: the version this change made.
      return this.findOne(caller, input.id, m);
    });
    return { agreement };
  }

  /** Archives (archived: true) or restores it: one version further, with its activity row. */
  async setArchived(caller: Caller, input: ArchiveAgreementInput | RestoreAgreementInput, archived: boolean): Promise<ArchiveAgreementPayload & RestoreAgreementPayload> {
    const agreement = await this.dataSource.transaction(async (m) => {
      const current = await this.lockForChange(m, caller, input.id, input.expectedVersion);
      if (current.archived === archived) {
        throw DomainError.badInput([{ field: 'id', message: `Agreement ${input.id} is ${archived ? 'already archived' : 'not archived'}` }]);
      }
      await m.query(
        `UPDATE agreements SET archived_at = ${archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [caller.workspaceId, input.id],
      );
      await this.activity.record(m, caller, {
        verb: archived ? 'agreement.archived' : 'agreement.restored', subjectType: 'Agreement', subjectId: input.id,
        before: { version: current.version, archived: current.archived },
        after: { title: current.title, version: current.version + 1, archived },
      });
      return this.findOne(caller, input.id, m);
    });
    return { agreement };
  }

  /** Locks the row and checks the version the caller read: a stale one is a CONFLICT telling the current version. */
  private async lockForChange(m: EntityManager, caller: Caller, id: string, expectedVersion: number): Promise<AgreementRow> {
    const [current]: AgreementRow[] = await m.query(
      `SELECT ${COLUMNS} FROM agreements a WHERE a.workspace_id = $1 AND a.id = $2 FOR UPDATE`,
      [caller.workspaceId, id],
    );
    if (!current) throw DomainError.notFound('Agreement', id, 'id');
    if (current.version !== expectedVersion) {
      throw DomainError.conflict(
        `Agreement ${id} was changed by someone else: it is at version ${current.version}, not ${expectedVersion}. Reload it and apply your change again.`,
        { field: 'expectedVersion', currentVersion: current.version, current: conflictFacts(current) },
      );
    }
    return current;
  }

  /** The parties (codes) and participants the agreement holds now: archived ones among them may stay. */
  private async membersOf(m: EntityManager, id: string): Promise<{ partyCodes: string[]; participantIds: string[] }> {
    const [row] = await m.query(
      `SELECT ARRAY(SELECT p.code FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = $1) AS "partyCodes",
              ARRAY(SELECT person_id::text FROM agreement_participants WHERE agreement_id = $1) AS "participantIds"`,
      [id],
    );
    return row;
  }

  private async partyIds(m: EntityManager, caller: Caller, codes: string[], kept: string[] = []): Promise<string[]> {
    const unique = [...new Set(codes.map((c) => c.toUpperCase()))];
    if (unique.length < 2) throw DomainError.badInput([{ field: 'partyCodes', message: 'partyCodes must name at least two different parties' }]);
    const { ids, unknown, archived } = await this.parties.partyIdsForCodes(m, caller.workspaceId, unique);
    if (unknown.length) throw DomainError.badInput([{ field: 'partyCodes', message: `partyCodes: unknown party ${unknown.join(', ')}` }]);
    refuseArchived('partyCodes', 'party', archived, kept);
    return ids;
  }

  private async assertPeople(m: EntityManager, caller: Caller, ids: string[], kept: string[] = []): Promise<void> {
    if (!ids.length) return;
    const rows: { id: string; archived: boolean }[] = await m.query(
      'SELECT id, archived_at IS NOT NULL AS archived FROM people WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [caller.workspaceId, ids],
    );
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw DomainError.notFound('Person', missing, 'participantIds');
    refuseArchived('participantIds', 'person', rows.filter((r) => r.archived).map((r) => r.id), kept);
  }

  private async replaceMembers(m: EntityManager, caller: Caller, id: string, partyIds?: string[], personIds?: string[]): Promise<void> {
    if (partyIds) {
      await m.query('DELETE FROM agreement_parties WHERE agreement_id = $1', [id]);
      await m.query('INSERT INTO agreement_parties (agreement_id, party_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3', [id, partyIds, caller.workspaceId]);
    }
    if (personIds) {
      await m.query('DELETE FROM agreement_participants WHERE agreement_id = $1', [id]);
      await m.query(
        'INSERT INTO agreement_participants (agreement_id, person_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING',
        [id, [...new Set(personIds)], caller.workspaceId],
      );
    }
  }
}
