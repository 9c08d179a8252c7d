import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ChangeKind, DomainError, normalizePartyCode, PartyKind } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { lockForEdit, refuse, unlessTaken, updateVersioned } from '../../common/sql/versioned-row';
import { ActivityService } from '../activity/activity.service';
import { countryByCode } from './countries';
import { AddCountryPartyInput, CreatePartyInput, SetPartyArchivedInput, UpdatePartyInput } from './dto/party.inputs';
import { CreateOrganizationInput, SetOrganizationArchivedInput, UpdateOrganizationInput } from './dto/organization.inputs';
import { CreatePersonInput, SetPersonArchivedInput, UpdatePersonInput } from './dto/person.inputs';
import { OrganizationPayload, PartyPayload, PersonPayload } from './dto/reference.payloads';
import { ORGANIZATION, OrganizationRow, PARTY, PartyRow, PERSON, PersonRow } from './parties.service';

/** A field an update may not clear (null), only change or leave out. */
function refuseCleared(input: object, fields: string[]): void {
  refuse(fields.map((f) => ((input as Record<string, unknown>)[f] === null ? { field: f, message: `${f} cannot be cleared` } : null)));
}

/** The fields of an update that were given and differ from the row, as column → new value. */
function changes<R>(current: R, input: object, columns: Partial<Record<keyof R, string>>): { set: Record<string, unknown>; before: Record<string, unknown>; after: Record<string, unknown> } {
  const set: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns) as [keyof R & string, string][]) {
    const given = (input as Record<string, unknown>)[key];
    if (given === undefined) continue;
    const value = typeof given === 'string' ? given.trim() || null : given;
    if (value === current[key]) continue;
    set[column] = value;
    before[key] = current[key];
    after[key] = value;
  }
  return { set, before, after };
}

/**
 * Creating, editing, archiving and restoring parties, organizations and people. Each change
 * writes its activity row in its transaction; edits check the version the client read.
 */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  // -- parties ---------------------------------------------------------------------------------

  async addCountryParty(caller: Caller, input: AddCountryPartyInput): Promise<PartyPayload> {
    const code = normalizePartyCode(input.code);
    const country = countryByCode(code);
    if (!country) throw DomainError.badInput([{ field: 'code', message: `code: ${code} is not an ISO 3166-1 country code` }]);
    return this.insertParty(caller, { code, kind: PartyKind.COUNTRY, name: country.name, nameEs: country.nameEs });
  }

  async createParty(caller: Caller, input: CreatePartyInput): Promise<PartyPayload> {
    const code = normalizePartyCode(input.code);
    if (countryByCode(code)) {
      throw DomainError.badInput([{ field: 'code', message: `code: ${code} is a country's code; add the country from the country list instead` }]);
    }
    return this.insertParty(caller, { code, kind: PartyKind.CUSTOM, name: input.name.trim(), nameEs: input.nameEs.trim() });
  }

  async updateParty(caller: Caller, input: UpdatePartyInput): Promise<PartyPayload> {
    refuseCleared(input, ['name', 'nameEs']);
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockParty(m, caller, input.id, input.expectedVersion);
      const { set, before, after } = changes<PartyRow>(current, input, { name: 'name', nameEs: 'name_es' });
      await updateVersioned(m, 'parties', caller.workspaceId, input.id, set);
      await this.activity.record(m, caller, {
        verb: 'party.updated', subjectType: 'Party', subjectId: input.id,
        before: { version: current.version, code: current.code, ...before }, after: { version: current.version + 1, code: current.code, ...after },
      });
      return { party: await this.party(m, caller, input.id) };
    });
  }

  async setPartyArchived(caller: Caller, input: SetPartyArchivedInput): Promise<PartyPayload> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockParty(m, caller, input.id, input.expectedVersion);
      await this.setArchived(m, caller, 'parties', current, input.archived, {
        verb: input.archived ? 'party.archived' : 'party.restored', subjectType: 'Party', subjectId: current.id,
        before: { version: current.version, archived: current.archived, code: current.code }, after: { version: current.version + 1, archived: input.archived, code: current.code },
      });
      return { party: await this.party(m, caller, input.id) };
    });
  }

  // -- organizations ---------------------------------------------------------------------------

  async createOrganization(caller: Caller, input: CreateOrganizationInput): Promise<OrganizationPayload> {
    const id = randomUUID();
    const acronym = input.acronym.trim();
    return this.dataSource.transaction(async (m) => {
      await this.assertExists(m, caller, 'parties', 'Party', input.partyId, 'partyId');
      await this.assertAcronymFree(m, caller, acronym, null);
      await unlessTaken(
        () => m.query('INSERT INTO organizations (id, workspace_id, party_id, acronym, name) VALUES ($1, $2, $3, $4, $5)', [id, caller.workspaceId, input.partyId, acronym, input.name.trim()]),
        acronymTaken(acronym),
      );
      await this.activity.record(m, caller, {
        verb: 'organization.created', subjectType: 'Organization', subjectId: id, after: { acronym, name: input.name.trim(), partyId: input.partyId },
      });
      return { organization: await this.organization(m, caller, id) };
    });
  }

  async updateOrganization(caller: Caller, input: UpdateOrganizationInput): Promise<OrganizationPayload> {
    refuseCleared(input, ['acronym', 'name', 'partyId']);
    return this.dataSource.transaction(async (m) => {
      const current = await lockForEdit<OrganizationRow>(m, {
        table: 'organizations', alias: 'o', columns: ORGANIZATION, what: 'Organization', workspaceId: caller.workspaceId, id: input.id, expectedVersion: input.expectedVersion,
      });
      const { set, before, after } = changes<OrganizationRow>(current, input, { acronym: 'acronym', name: 'name', partyId: 'party_id' });
      if (set.party_id) await this.assertExists(m, caller, 'parties', 'Party', set.party_id as string, 'partyId');
      if (set.acronym) await this.assertAcronymFree(m, caller, set.acronym as string, input.id);
      await unlessTaken(() => updateVersioned(m, 'organizations', caller.workspaceId, input.id, set), acronymTaken(String(set.acronym)));
      await this.activity.record(m, caller, {
        verb: 'organization.updated', subjectType: 'Organization', subjectId: input.id,
        before: { version: current.version, ...before }, after: { version: current.version + 1, ...after },
      });
      return { organization: await this.organization(m, caller, input.id) };
    });
  }

  async setOrganizationArchived(caller: Caller, input: SetOrganizationArchivedInput): Promise<OrganizationPayload> {
    return this.dataSource.transaction(async (m) => {
      const current = await lockForEdit<OrganizationRow>(m, {
        table: 'organizations', alias: 'o', columns: ORGANIZATION, what: 'Organization', workspaceId: caller.workspaceId, id: input.id, expectedVersion: input.expectedVersion,
      });
      await this.setArchived(m, caller, 'organizations', current, input.archived, {
        verb: input.archived ? 'organization.archived' : 'organization.restored', subjectType: 'Organization', subjectId: current.id,
        before: { version: current.version, archived: current.archived, acronym: current.acronym },
        after: { version: current.version + 1, archived: input.archived, acronym: current.acronym },
      });
      return { organization: await this.organization(m, caller, input.id) };
    });
  }

  // -- people ----------------------------------------------------------------------------------

  async createPerson(caller: Caller, input: CreatePersonInput): Promise<PersonPayload> {
    const id = randomUUID();
    return this.dataSource.transaction(async (m) => {
      if (input.organizationId) await this.assertExists(m, caller, 'organizations', 'Organization', input.organizationId, 'organizationId');
      const row = { name: input.name.trim(), title: input.title?.trim() || null, organizationId: input.organizationId ?? null };
      await m.query('INSERT INTO people (id, workspace_id, organization_id, name, title) VALUES ($1, $2, $3, $4, $5)', [id, caller.workspaceId, row.organizationId, row.name, row.title]);
      await this.activity.record(m, caller, { verb: 'person.created', subjectType: 'Person', subjectId: id, after: row });
      return { person: await this.person(m, caller, id) };
    });
  }

  async updatePerson(caller: Caller, input: UpdatePersonInput): Promise<PersonPayload> {
    refuseCleared(input, ['name']);
    return this.dataSource.transaction(async (m) => {
      const current = await lockForEdit<PersonRow>(m, {
        table: 'people', alias: 'pe', columns: PERSON, what: 'Person', workspaceId: caller.workspaceId, id: input.id, expectedVersion: input.expectedVersion,
      });
      const { set, before, after } = changes<PersonRow>(current, input, { name: 'name', title: 'title', organizationId: 'organization_id' });
      if (set.organization_id) await this.assertExists(m, caller, 'organizations', 'Organization', set.organization_id as string, 'organizationId');
      await updateVersioned(m, 'people', caller.workspaceId, input.id, set);
      await this.activity.record(m, caller, {
        verb: 'person.updated', subjectType: 'Person', subjectId: input.id,
        before: { version: current.version, ...before }, after: { version: current.version + 1, ...after },
      });
      return { person: await this.person(m, caller, input.id) };
    });
  }

  async setPersonArchived(caller: Caller, input: SetPersonArchivedInput): Promise<PersonPayload> {
    return this.dataSource.transaction(async (m) => {
      const current = await lockForEdit<PersonRow>(m, {
        table: 'people', alias: 'pe', columns: PERSON, what: 'Person', workspaceId: caller.workspaceId, id: input.id, expectedVersion: input.expectedVersion,
      });
      await this.setArchived(m, caller, 'people', current, input.archived, {
        verb: input.archived ? 'person.archived' : 'person.restored', subjectType: 'Person', subjectId: current.id,
        before: { version: current.version, archived: current.archived, name: current.name }, after: { version: current.version + 1, archived: input.archived, name: current.name },
      });
      return { person: await this.person(m, caller, input.id) };
    });
  }

  // -- shared ----------------------------------------------------------------------------------

  private async insertParty(caller: Caller, row: { code: string; kind: PartyKind; name: string; nameEs: string }): Promise<PartyPayload> {
    const id = randomUUID();
    return this.dataSource.transaction(async (m) => {
      const [existing]: PartyRow[] = await m.query(`SELECT ${PARTY} FROM parties p WHERE p.workspace_id = $1 AND p.code = $2`, [caller.workspaceId, row.code]);
      if (existing) throw DomainError.badInput([partyTaken(row.code, existing.archived)]);
      await unlessTaken(
        () => m.query('INSERT INTO parties (id, workspace_id, code, kind, name, name_es) VALUES ($1, $2, $3, $4, $5, $6)', [id, caller.workspaceId, row.code, row.kind, row.name, row.nameEs]),
        partyTaken(row.code, false),
      );
      await this.activity.record(m, caller, { verb: 'party.created', subjectType: 'Party', subjectId: id, after: row });
      return { party: await this.party(m, caller, id) };
    });
  }

  private lockParty(m: EntityManager, caller: Caller, id: string, expectedVersion: number) {
    return lockForEdit<PartyRow>(m, { table: 'parties', alias: 'p', columns: PARTY, what: 'Party', workspaceId: caller.workspaceId, id, expectedVersion });
  }

  /** Archives or restores; asking for the state the row is already in changes nothing and writes no activity. */
  private async setArchived(
    m: EntityManager, caller: Caller, table: string, current: { id: string; version: number; archived: boolean }, archived: boolean, change: ChangeKind,
  ): Promise<void> {
    if (current.archived === archived) return;
    await m.query(
      `UPDATE ${table} SET archived_at = ${archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [caller.workspaceId, current.id],
    );
    await this.activity.record(m, caller, change);
  }

  private async assertExists(m: EntityManager, caller: Caller, table: string, what: string, id: string, field: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM ${table} WHERE workspace_id = $1 AND id = $2`, [caller.workspaceId, id]);
    if (!rows.length) throw DomainError.notFound(what, id, field);
  }

  private async assertAcronymFree(m: EntityManager, caller: Caller, acronym: string, self: string | null): Promise<void> {
    const rows = await m.query('SELECT 1 FROM organizations WHERE workspace_id = $1 AND acronym = $2 AND ($3::uuid IS NULL OR id <> $3)', [caller.workspaceId, acronym, self]);
    if (rows.length) throw DomainError.badInput([acronymTaken(acronym)]);
  }

  private async party(m: EntityManager, caller: Caller, id: string): Promise<PartyRow> {
    const [row] = await m.query(`SELECT ${PARTY} FROM parties p WHERE p.workspace_id = $1 AND p.id = $2`, [caller.workspaceId, id]);
    return row;
  }

  private async organization(m: EntityManager, caller: Caller, id: string): Promise<OrganizationRow> {
    const [row] = await m.query(`SELECT ${ORGANIZATION} FROM organizations o WHERE o.workspace_id = $1 AND o.id = $2`, [caller.workspaceId, id]);
    return row;
  }

  private async person(m: EntityManager, caller: Caller, id: string): Promise<PersonRow> {
    const [row] = await m.query(`SELECT ${PERSON} FROM people pe WHERE pe.workspace_id = $1 AND pe.id = $2`, [caller.workspaceId, id]);
    return row;
  }
}

function partyTaken(code: string, archived: boolean) {
  return { field: 'code', message: archived ? `code: ${code} is already a party of this workspace, archived: restore it` : `code: ${code} is already a party of this workspace` };
}

function acronymTaken(acronym: string) {
  return { field: 'acronym', message: `acronym: ${acronym} is already used by another organization of this workspace` };
}
