import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { readRows } from '../../common/sql/read-rows';
import { Country } from './country.model';
import { searchCountries } from './countries';
import { Organization } from './organization.model';
import { Party } from './party.model';
import { Person } from './person.model';

export const PARTY = `p.id, p.code, p.kind, p.name, coalesce(p.name_es, p.name) AS "nameEs", p.archived_at IS NOT NULL AS archived, p.version`;
export const ORGANIZATION = `o.id, o.acronym, o.name, o.party_id AS "partyId", o.archived_at IS NOT NULL AS archived, o.version`;
export const PERSON = `pe.id, pe.name, pe.title, pe.organization_id AS "organizationId", pe.archived_at IS NOT NULL AS archived, pe.version`;

export type PartyRow = Party;
export type OrganizationRow = Omit<Organization, 'party'>;
export type PersonRow = Omit<Person, 'organization'>;

type Linked<T> = T & { parentId: string };

@Injectable()
export class PartiesService {
  constructor(private readonly dataSource: DataSource) {}

  listParties(workspaceId: string, includeArchived = false): Promise<PartyRow[]> {
    return this.dataSource.query(
      `SELECT ${PARTY} FROM parties p WHERE p.workspace_id = $1 AND ($2 OR p.archived_at IS NULL) ORDER BY p.code`,
      [workspaceId, includeArchived],
    );
  }

  listOrganizations(workspaceId: string, includeArchived = false): Promise<OrganizationRow[]> {
    return this.dataSource.query(
      `SELECT ${ORGANIZATION} FROM organizations o WHERE o.workspace_id = $1 AND ($2 OR o.archived_at IS NULL) ORDER BY o.acronym`,
      [workspaceId, includeArchived],
    );
  }

  listPeople(workspaceId: string, includeArchived = false): Promise<PersonRow[]> {
    return this.dataSource.query(
      `SELECT ${PERSON} FROM people pe WHERE pe.workspace_id = $1 AND ($2 OR pe.archived_at IS NULL) ORDER BY pe.name, pe.id`,
      [workspaceId, includeArchived],
    );
  }

  /** The ISO 3166-1 countries matching the search, each with the workspace's party for it (archived or not) once added. */
  async countries(workspaceId: string, search?: string | null): Promise<Country[]> {
    const found = searchCountries(search);
    const rows: PartyRow[] = await this.dataSource.query(
      `SELECT ${PARTY} FROM parties p WHERE p.workspace_id = $1 AND p.kind = 'COUNTRY' AND p.code = ANY($2::text[])`,
      [workspaceId, found.map((c) => c.code)],
    );
    const party = new Map(rows.map((r) => [r.code, r]));
    return found.map((c) => ({ ...c, party: party.get(c.code) ?? null }));
  }

  /**
   * The ids of these codes, the codes the workspace does not have, and those of archived parties (not to be used anew).
   * Inside a write: `m` is its transaction's manager, so the look-up takes no second connection from the pool.
   */
  async partyIdsForCodes(m: EntityManager, workspaceId: string, codes: string[]): Promise<{ ids: string[]; unknown: string[]; archived: string[] }> {
    const rows: { id: string; code: string; archived: boolean }[] = await m.query(
      'SELECT id, code, archived_at IS NOT NULL AS archived FROM parties WHERE workspace_id = $1 AND code = ANY($2)',
      [workspaceId, codes],
    );
    const known = new Map(rows.map((r) => [r.code, r.id]));
    return {
      ids: codes.filter((c) => known.has(c)).map((c) => known.get(c) as string),
      unknown: codes.filter((c) => !known.has(c)),
      archived: rows.filter((r) => r.archived).map((r) => r.code),
    };
  }

  partyById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, PartyRow | null>('party.byId', async (ids) =>
        RequestLoaders.byId(await this.dataSource.query(`SELECT ${PARTY} FROM parties p WHERE p.workspace_id = $1 AND p.id = ANY($2::uuid[])`, [workspaceId, ids]), ids))
      .load(id);
  }

  organizationById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, OrganizationRow | null>('organization.byId', async (ids) =>
        RequestLoaders.byId(await this.dataSource.query(`SELECT ${ORGANIZATION} FROM organizations o WHERE o.workspace_id = $1 AND o.id = ANY($2::uuid[])`, [workspaceId, ids]), ids))
      .load(id);
  }

  personById(loaders: RequestLoaders, workspaceId: string, id: string) {
    return loaders
      .get<string, PersonRow | null>('person.byId', async (ids) =>
        RequestLoaders.byId(await this.dataSource.query(`SELECT ${PERSON} FROM people pe WHERE pe.workspace_id = $1 AND pe.id = ANY($2::uuid[])`, [workspaceId, ids]), ids))
      .load(id);
  }

  /** The parties of many commitments or agreements in one statement. */
  partiesOf(loaders: RequestLoaders, workspaceId: string, via: 'commitment' | 'agreement', parentId: string) {
    const table = via === 'commitment' ? 'commitment_parties' : 'agreement_parties';
    return loaders
      .get<string, PartyRow[]>(`${via}.parties`, async (ids) => {
        const rows = await readRows<PartyRow & { parentOrd: number }>(
          this.dataSource.manager,
          // Joined to unnest(ids), not `= ANY(ids)`: the planner estimates an ANY element by element,
          // which for the 400 commitments of a nested page cost more than running the statement.
          `SELECT ${PARTY}, k.ord::int AS "parentOrd" FROM unnest($2::uuid[]) WITH ORDINALITY AS k(id, ord) JOIN ${table} j ON j.${via}_id = k.id
           JOIN parties p ON p.id = j.party_id
           WHERE j.workspace_id = $1 ORDER BY p.code`,
          [workspaceId, ids],
        );
        return RequestLoaders.byOrdinal(rows, ids.length);
      })
      .load(parentId);
  }

  participantsOf(loaders: RequestLoaders, workspaceId: string, agreementId: string) {
    return loaders
      .get<string, PersonRow[]>('agreement.participants', async (ids) => {
        const rows: Linked<PersonRow>[] = await this.dataSource.query(
          `SELECT ${PERSON}, j.agreement_id AS "parentId" FROM agreement_participants j JOIN people pe ON pe.id = j.person_id
           WHERE j.workspace_id = $1 AND j.agreement_id = ANY($2::uuid[]) ORDER BY pe.name`,
          [workspaceId, ids],
        );
        return RequestLoaders.grouped(rows, ids, (r) => r.parentId);
      })
      .load(agreementId);
  }
}
