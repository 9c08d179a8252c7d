import { randomBytes } from 'node:crypto';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { activitySince, expectError, lastActivityId } from './support/expectations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';
import { signUpAndConfirm } from './support/accounts';

const PARTY = 'id code kind name nameEs archived version';
const M = {
  addCountry: `mutation($input: AddCountryPartyInput!) { addCountryParty(input: $input) { party { ${PARTY} } } }`,
  createParty: `mutation($input: CreatePartyInput!) { createParty(input: $input) { party { ${PARTY} } } }`,
  updateParty: `mutation($input: UpdatePartyInput!) { updateParty(input: $input) { party { ${PARTY} } } }`,
  archiveParty: `mutation($input: SetPartyArchivedInput!) { setPartyArchived(input: $input) { party { ${PARTY} } } }`,
  createOrg: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id acronym name archived version party { code } } } }',
  updateOrg: 'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id acronym name archived version party { code } } } }',
  archiveOrg: 'mutation($input: SetOrganizationArchivedInput!) { setOrganizationArchived(input: $input) { organization { id archived version } } }',
  createPerson: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id name title archived version organization { acronym } } } }',
  updatePerson: 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id name title archived version organization { acronym } } } }',
  archivePerson: 'mutation($input: SetPersonArchivedInput!) { setPersonArchived(input: $input) { person { id archived version } } }',
  createTheme: 'mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { id slug name nameEs archived version } } }',
  updateTheme: 'mutation($input: UpdateThemeInput!) { updateTheme(input: $input) { theme { id slug name nameEs archived version } } }',
  archiveTheme: 'mutation($input: SetThemeArchivedInput!) { setThemeArchived(input: $input) { theme { id slug archived version } } }',
  createAgreement: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id parties { code archived } participants { name archived } } } }',
  loadExample: 'mutation { loadExampleData { agreementCount commitmentCount } }',
};
const Q = {
  parties: `query($all: Boolean!) { parties(includeArchived: $all) { ${PARTY} } }`,
  countries: `query($search: String) { countries(search: $search) { code name nameEs party { ${PARTY} } } }`,
  organizations: 'query($all: Boolean!) { organizations(includeArchived: $all) { id acronym archived } }',
  people: 'query($all: Boolean!) { people(includeArchived: $all) { id name archived } }',
  themes: 'query($all: Boolean!) { themes(includeArchived: $all) { id slug archived } }',
};

/** Row counts of the reference tables and the activity log, to prove a refused write wrote nothing. */
async function referenceCounts(app: TestApp) {
  const [row] = await app.sql(`SELECT (SELECT count(*)::int FROM parties) AS parties, (SELECT count(*)::int FROM organizations) AS organizations,
    (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM themes) AS themes, (SELECT count(*)::int FROM activity) AS activity,
    (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM (SELECT * FROM parties UNION ALL SELECT id, workspace_id, acronym, 'o', name, NULL, version, archived_at, created_at, updated_at FROM organizations) t) AS digest`);
  return row;
}

describe('reference data: parties, organizations, people and themes managed through the API', () => {
  let app: TestApp;
  /** The owner of a workspace made by signUp, empty: no parties, organizations, people or themes. */
  let owner: string;
  let workspaceId: string;

  const as = (token: string) => async (query: string, input?: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<GqlResponse> =>
    app.request({ query, variables: input ? { input, ...extra } : extra, token });
  const ok = async (token: string, query: string, input?: Record<string, unknown>) => {
    const res = await as(token)(query, input);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  /** The call is refused with this code and field, and nothing was written. */
  const refused = async (token: string, query: string, input: Record<string, unknown>, code: string, field?: string) => {
    const before = await referenceCounts(app);
    const error = expectError(await as(token)(query, input), code, field);
    expect(await referenceCounts(app)).toEqual(before);
    return error;
  };

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    const signedUp = await signUpAndConfirm(app, {
      email: `new-team-${randomBytes(4).toString('hex')}@example.test`,
      name: 'Nadia New',
      password: 'a-new-team-password',
      workspaceName: 'Andean water talks',
    });
    owner = signedUp.token;
    workspaceId = signedUp.workspace.id;
  });
  afterAll(() => app?.close());

  it('a new workspace has no party, every country to pick from, and its first agreement once it added two', async () => {
    const q = as(owner);
    expect((await q(Q.parties, undefined, { all: true })).data!.parties).toEqual([]);
    const countries = (await q(Q.countries)).data!.countries;
    expect(countries.length).toBe(250);
    expect(countries.find((c: any) => c.code === 'PE')).toEqual({ code: 'PE', name: 'Peru', nameEs: 'Perú', party: null });

    const agreement = { title: 'Andean water accord', kind: 'TREATY', partyCodes: ['PE', 'BO'] };
    expect((await refused(owner, M.createAgreement, agreement, 'BAD_USER_INPUT', 'partyCodes')).message).toMatch(/unknown party PE, BO/);

    const mark = await lastActivityId(app);
    const pe = (await ok(owner, M.addCountry, { code: 'pe' })).party;
    const bo = (await ok(owner, M.addCountry, { code: 'BO' })).party;
    expect(pe).toMatchObject({ code: 'PE', kind: 'COUNTRY', name: 'Peru', nameEs: 'Perú', archived: false, version: 1 });
    expect(bo.nameEs).toMatch(/^Bolivia/);
    const rows = await activitySince(app, mark);
    expect(rows.map((r) => [r.verb, r.subject_type, r.subject_id])).toEqual([['party.created', 'Party', bo.id], ['party.created', 'Party', pe.id]]);
    expect(rows[1].after).toEqual({ code: 'PE', kind: 'COUNTRY', name: 'Peru', nameEs: 'Perú' });
    const [actor] = await app.sql('SELECT actor_type, actor_label FROM activity WHERE id = $1::bigint', [rows[0].id]);
    expect(actor).toEqual({ actor_type: 'USER', actor_label: 'Nadia New' });

    const created = await ok(owner, M.createAgreement, agreement);
    expect(created.agreement.parties.map((p: any) => p.code)).toEqual(['BO', 'PE']);
  });

  it('finds countries by code or by either name, accents and case aside, with the party of those added', async () => {
    const search = async (s: string) => ((await as(owner)(Q.countries, undefined, { search: s })).data!.countries as any[]);
    expect((await search('mexico')).map((c) => c.code)).toEqual(['MX']);
    expect((await search('ESTADOS unidos')).map((c) => c.code)).toEqual(['UM', 'US', 'VI']);
    expect((await search('perú')).map((c) => [c.code, c.party?.code])).toEqual([['PE', 'PE']]);
    expect(await search('no such country')).toEqual([]);
    expectError(await as(owner)(Q.countries, undefined, { search: 'x'.repeat(101) }), 'BAD_USER_INPUT', 'search');
  });

  it('refuses an unknown country, one already added, and a custom party under a country code, writing nothing', async () => {
    expect((await refused(owner, M.addCountry, { code: 'XX' }, 'BAD_USER_INPUT', 'code')).message).toMatch(/not an ISO 3166-1 country code/);
    expect((await refused(owner, M.addCountry, { code: 'PE' }, 'BAD_USER_INPUT', 'code')).message).toMatch(/already a party/);
    expect((await refused(owner, M.createParty, { code: 'MX', name: 'Mexico', nameEs: 'México' }, 'BAD_USER_INPUT', 'code')).message).toMatch(/country's code/);
    await refused(owner, M.createParty, { code: 'U', name: 'U', nameEs: 'U' }, 'BAD_USER_INPUT', 'code');
    await refused(owner, M.createParty, { code: 'UN-HCR', name: 'UNHCR', nameEs: 'ACNUR' }, 'BAD_USER_INPUT', 'code');
    await refused(owner, M.createParty, { code: 'UNHCR', name: '  ', nameEs: 'ACNUR' }, 'BAD_USER_INPUT', 'name');
    await refused(owner, M.createParty, { code: 'UNHCR', name: 'UNHCR', nameEs: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'nameEs');
    await refused(owner, M.createParty, { code: 'UNHCR', name: 'Refugee\u0007agency', nameEs: 'ACNUR' }, 'BAD_USER_INPUT', 'name');
    await refused(owner, M.createParty, { code: 'UNHCR', name: 'Refugee agency \ud800', nameEs: 'ACNUR' }, 'BAD_USER_INPUT', 'name');
  });

  it('adds a custom party with a name in each language, renames it with the version it read, and refuses a stale version', async () => {
    const unhcr = (await ok(owner, M.createParty, { code: 'unhcr', name: 'UN Refugee Agency', nameEs: 'ACNUR' })).party;
    expect(unhcr).toMatchObject({ code: 'UNHCR', kind: 'CUSTOM', name: 'UN Refugee Agency', nameEs: 'ACNUR', version: 1 });
    const mark = await lastActivityId(app);
    const renamed = (await ok(owner, M.updateParty, { id: unhcr.id, expectedVersion: 1, name: 'UNHCR, the UN Refugee Agency' })).party;
    expect(renamed).toMatchObject({ code: 'UNHCR', name: 'UNHCR, the UN Refugee Agency', nameEs: 'ACNUR', version: 2 });
    const [row] = await activitySince(app, mark);
    expect(row).toMatchObject({ verb: 'party.updated', subject_id: unhcr.id, before: { version: 1, code: 'UNHCR', name: 'UN Refugee Agency' }, after: { version: 2, code: 'UNHCR', name: 'UNHCR, the UN Refugee Agency' } });

    const stale = await refused(owner, M.updateParty, { id: unhcr.id, expectedVersion: 1, nameEs: 'Alto Comisionado' }, 'CONFLICT', 'expectedVersion');
    expect(stale.extensions?.currentVersion).toBe(2);
    await refused(owner, M.updateParty, { id: unhcr.id, expectedVersion: 2, name: null }, 'BAD_USER_INPUT', 'name');
    await refused(owner, M.updateParty, { id: 'not-an-id', expectedVersion: 2, name: 'x' }, 'BAD_USER_INPUT', 'id');
  });

  it('archives a party: gone from the list and pickers, kept on its agreement, not added twice, and restored', async () => {
    const q = as(owner);
    const [pe] = ((await q(Q.parties, undefined, { all: false })).data!.parties as any[]).filter((p) => p.code === 'PE');
    const mark = await lastActivityId(app);
    const archived = (await ok(owner, M.archiveParty, { id: pe.id, expectedVersion: pe.version, archived: true })).party;
    expect(archived).toMatchObject({ code: 'PE', archived: true, version: pe.version + 1 });
    expect(((await q(Q.parties, undefined, { all: false })).data!.parties as any[]).map((p) => p.code)).not.toContain('PE');
    expect(((await q(Q.parties, undefined, { all: true })).data!.parties as any[]).find((p) => p.code === 'PE').archived).toBe(true);
    expect(((await q(Q.countries, undefined, { search: 'peru' })).data!.countries as any[])[0].party).toMatchObject({ code: 'PE', archived: true });
    const agreements = await q('{ agreements(first: 5) { edges { node { parties { code archived } } } } }');
    expect(agreements.data!.agreements.edges[0].node.parties).toEqual([{ code: 'BO', archived: false }, { code: 'PE', archived: true }]);
    expect((await refused(owner, M.addCountry, { code: 'PE' }, 'BAD_USER_INPUT', 'code')).message).toMatch(/archived: restore it/);

    // Archiving what is archived changes nothing; restoring brings it back.
    expect((await ok(owner, M.archiveParty, { id: pe.id, expectedVersion: archived.version, archived: true })).party.version).toBe(archived.version);
    const restored = (await ok(owner, M.archiveParty, { id: pe.id, expectedVersion: archived.version, archived: false })).party;
    expect(restored).toMatchObject({ archived: false, version: archived.version + 1 });
    expect((await activitySince(app, mark)).map((r) => r.verb)).toEqual(['party.restored', 'party.archived']);
    await refused(owner, M.archiveParty, { id: pe.id, expectedVersion: archived.version, archived: true }, 'CONFLICT', 'expectedVersion');
  });

  it('creates, edits and archives organizations and people, each change with its activity row', async () => {
    const parties = (await as(owner)(Q.parties, undefined, { all: false })).data!.parties as any[];
    const pe = parties.find((p) => p.code === 'PE');
    const bo = parties.find((p) => p.code === 'BO');
    const mark = await lastActivityId(app);
    const ana = (await ok(owner, M.createOrg, { partyId: pe.id, acronym: 'ANA', name: 'Autoridad Nacional del Agua' })).organization;
    expect(ana).toMatchObject({ acronym: 'ANA', party: { code: 'PE' }, archived: false, version: 1 });
    await refused(owner, M.createOrg, { partyId: bo.id, acronym: 'ANA', name: 'Another' }, 'BAD_USER_INPUT', 'acronym');
    await refused(owner, M.createOrg, { partyId: '00000000-0000-4000-8000-999999999999', acronym: 'MMAYA', name: 'Ministerio' }, 'NOT_FOUND', 'partyId');
    await refused(owner, M.createOrg, { partyId: bo.id, acronym: '', name: 'Ministerio' }, 'BAD_USER_INPUT', 'acronym');
    const mmaya = (await ok(owner, M.createOrg, { partyId: bo.id, acronym: 'MMAyA', name: 'Ministerio de Medio Ambiente y Agua' })).organization;
    await refused(owner, M.updateOrg, { id: mmaya.id, expectedVersion: 1, acronym: 'ANA' }, 'BAD_USER_INPUT', 'acronym');
    const moved = (await ok(owner, M.updateOrg, { id: ana.id, expectedVersion: 1, name: 'Autoridad Nacional del Agua del Perú' })).organization;
    expect(moved).toMatchObject({ name: 'Autoridad Nacional del Agua del Perú', version: 2 });
    expect((await refused(owner, M.updateOrg, { id: ana.id, expectedVersion: 1, name: 'x' }, 'CONFLICT', 'expectedVersion')).extensions?.currentVersion).toBe(2);

    const person = (await ok(owner, M.createPerson, { name: 'Rosa Quispe', title: 'Jefa', organizationId: ana.id })).person;
    expect(person).toMatchObject({ name: 'Rosa Quispe', title: 'Jefa', organization: { acronym: 'ANA' }, version: 1 });
    await refused(owner, M.createPerson, { name: 'Nobody', organizationId: '00000000-0000-4000-8000-999999999999' }, 'NOT_FOUND', 'organizationId');
    await refused(owner, M.createPerson, { name: 'Two\nlines' }, 'BAD_USER_INPUT', 'name');
    const edited = (await ok(owner, M.updatePerson, { id: person.id, expectedVersion: 1, title: null, organizationId: mmaya.id })).person;
    expect(edited).toMatchObject({ title: null, organization: { acronym: 'MMAyA' }, version: 2 });

    expect((await activitySince(app, mark)).map((r) => r.verb)).toEqual(['person.updated', 'person.created', 'organization.updated', 'organization.created', 'organization.created']);

    // Archived: out of the pickers, still on the agreement that names them.
    await ok(owner, M.createAgreement, { title: 'Titicaca water board', kind: 'MEETING', partyCodes: ['PE', 'BO'], participantIds: [person.id] });
    await ok(owner, M.archivePerson, { id: person.id, expectedVersion: 2, archived: true });
    await ok(owner, M.archiveOrg, { id: ana.id, expectedVersion: 2, archived: true });
    expect(((await as(owner)(Q.people, undefined, { all: false })).data!.people as any[]).map((p) => p.name)).not.toContain('Rosa Quispe');
    expect(((await as(owner)(Q.people, undefined, { all: true })).data!.people as any[]).find((p) => p.id === person.id).archived).toBe(true);
    expect(((await as(owner)(Q.organizations, undefined, { all: false })).data!.organizations as any[]).map((o) => o.acronym)).toEqual(['MMAyA']);
    const agreements = await as(owner)('{ agreements(first: 5) { edges { node { title participants { name archived } } } } }');
    expect(agreements.data!.agreements.edges.find((e: any) => e.node.title === 'Titicaca water board').node.participants).toEqual([{ name: 'Rosa Quispe', archived: true }]);
  });

  it('creates, relabels and archives themes; a slug is checked, unique, and never changes', async () => {
    const theme = (await ok(owner, M.createTheme, { slug: 'water-rights', name: 'Water rights', nameEs: 'Derechos de agua' })).theme;
    expect(theme).toMatchObject({ slug: 'water-rights', name: 'Water rights', nameEs: 'Derechos de agua', archived: false, version: 1 });
    await refused(owner, M.createTheme, { slug: 'water-rights', name: 'Again', nameEs: 'Otra vez' }, 'BAD_USER_INPUT', 'slug');
    await refused(owner, M.createTheme, { slug: 'Water Rights', name: 'Water', nameEs: 'Agua' }, 'BAD_USER_INPUT', 'slug');
    await refused(owner, M.createTheme, { slug: 'glaciers', name: 'Glaciers', nameEs: '' }, 'BAD_USER_INPUT', 'nameEs');
    const mark = await lastActivityId(app);
    const relabelled = (await ok(owner, M.updateTheme, { id: theme.id, expectedVersion: 1, nameEs: 'Derechos sobre el agua' })).theme;
    expect(relabelled).toMatchObject({ slug: 'water-rights', name: 'Water rights', nameEs: 'Derechos sobre el agua', version: 2 });
    await refused(owner, M.updateTheme, { id: theme.id, expectedVersion: 1, name: 'x' }, 'CONFLICT', 'expectedVersion');
    await ok(owner, M.archiveTheme, { id: theme.id, expectedVersion: 2, archived: true });
    expect((await as(owner)(Q.themes, undefined, { all: false })).data!.themes).toEqual([]);
    expect(((await as(owner)(Q.themes, undefined, { all: true })).data!.themes as any[]).map((t) => [t.slug, t.archived])).toEqual([['water-rights', true]]);
    expect((await activitySince(app, mark)).map((r) => r.verb)).toEqual(['theme.archived', 'theme.updated']);
  });

  it("answers NOT_FOUND for the new workspace's rows from another workspace, as for ids that never existed, and changes nothing", async () => {
    const [party] = await app.sql('SELECT id, version FROM parties WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
    const [org] = await app.sql('SELECT id, version FROM organizations WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
    const [person] = await app.sql('SELECT id, version FROM people WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
    const [theme] = await app.sql('SELECT id, version FROM themes WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
    const analyst = app.tokens.analyst; // of the seeded workspace
    await refused(analyst, M.updateParty, { id: party.id, expectedVersion: party.version, name: 'Taken over' }, 'NOT_FOUND', 'id');
    await refused(analyst, M.archiveParty, { id: party.id, expectedVersion: party.version, archived: true }, 'NOT_FOUND', 'id');
    await refused(analyst, M.createOrg, { partyId: party.id, acronym: 'XYZ', name: 'Planted' }, 'NOT_FOUND', 'partyId');
    await refused(analyst, M.updateOrg, { id: org.id, expectedVersion: org.version, name: 'Taken over' }, 'NOT_FOUND', 'id');
    await refused(analyst, M.updateOrg, { id: '00000000-0000-4000-8000-000000000205', expectedVersion: 1, partyId: party.id }, 'NOT_FOUND', 'partyId');
    await refused(analyst, M.archiveOrg, { id: org.id, expectedVersion: org.version, archived: true }, 'NOT_FOUND', 'id');
    await refused(analyst, M.createPerson, { name: 'Planted', organizationId: org.id }, 'NOT_FOUND', 'organizationId');
    await refused(analyst, M.updatePerson, { id: person.id, expectedVersion: person.version, name: 'Taken over' }, 'NOT_FOUND', 'id');
    await refused(analyst, M.archivePerson, { id: person.id, expectedVersion: person.version, archived: false }, 'NOT_FOUND', 'id');
    await refused(analyst, M.updateTheme, { id: theme.id, expectedVersion: theme.version, name: 'Taken over' }, 'NOT_FOUND', 'id');
    await refused(analyst, M.archiveTheme, { id: theme.id, expectedVersion: theme.version, archived: false }, 'NOT_FOUND', 'id');
    // The seeded workspace's own lists show nothing of the new one.
    const parties = (await as(analyst)(Q.parties, undefined, { all: true })).data!.parties as any[];
    expect(parties.map((p) => p.code)).toEqual(['MX', 'US']);
  });

  it('lets analysts manage reference data and refuses viewers and read-only keys with FORBIDDEN', async () => {
    const mx = SEED_IDS.parties.MX;
    const calls: [string, Record<string, unknown>][] = [
      [M.addCountry, { code: 'GT' }],
      [M.createParty, { code: 'IOM', name: 'International Organization for Migration', nameEs: 'Organización Internacional para las Migraciones' }],
      [M.updateParty, { id: mx, expectedVersion: 1, nameEs: 'México' }],
      [M.createOrg, { partyId: mx, acronym: 'COMAR', name: 'Comisión Mexicana de Ayuda a Refugiados' }],
      [M.createTheme, { slug: 'asylum', name: 'Asylum', nameEs: 'Asilo' }],
    ];
    for (const [query, input] of calls) {
      await refused(app.tokens.viewer, query, input, 'FORBIDDEN');
      await refused(app.tokens.readKey, query, input, 'FORBIDDEN');
      await ok(app.tokens.analyst, query, input);
    }
  });

  it('loads the US–Mexico example into an empty workspace with new ids, reusing a party it already added, once', async () => {
    const signedUp = await signUpAndConfirm(app, {
      email: `example-${randomBytes(4).toString('hex')}@example.test`,
      name: 'Eve Example',
      password: 'an-example-password',
      workspaceName: 'Trying it out',
    });
    const token = signedUp.token;
    const ws = signedUp.workspace.id;
    const us = (await ok(token, M.addCountry, { code: 'US' })).party;
    const mark = await lastActivityId(app);
    expect(await ok(token, M.loadExample)).toEqual({ agreementCount: 1, commitmentCount: 5 });

    const parties = (await as(token)(Q.parties, undefined, { all: true })).data!.parties as any[];
    expect(parties.map((p) => [p.code, p.nameEs])).toEqual([['MX', 'México'], ['US', 'Estados Unidos']]);
    expect(parties.find((p) => p.code === 'US').id).toBe(us.id);
    const list = await as(token)('{ commitments(first: 10) { totalCount edges { node { id parties { id } themes { slug nameEs } } } } }');
    const ids = list.data!.commitments.edges.map((e: any) => e.node.id);
    expect(list.data!.commitments.totalCount).toBe(5);
    expect(ids.filter((id: string) => (Object.values(SEED_IDS.commitments) as string[]).includes(id))).toEqual([]);
    expect(list.data!.commitments.edges.flatMap((e: any) => e.node.themes).find((t: any) => t.slug === 'anti-smuggling').nameEs).toBe('Lucha contra el tráfico de personas');
    // The seeded workspace is untouched; the example's rows all live in the new workspace.
    const [{ n }] = await app.sql('SELECT count(*)::int AS n FROM commitments WHERE workspace_id = $1', [SEED_IDS.workspace]);
    expect(n).toBe(5);
    const rows = await activitySince(app, mark);
    expect(rows[0]).toMatchObject({ verb: 'workspace.example_loaded', subject_type: 'Workspace', subject_id: ws });
    const [foreign] = await app.sql('SELECT count(*)::int AS n FROM activity WHERE id > $1::bigint AND workspace_id <> $2', [mark, ws]);
    expect(foreign.n).toBe(0);

    // Not twice, and not into a workspace with agreements.
    const before = await referenceCounts(app);
    expect(expectError(await as(token)(M.loadExample), 'CONFLICT').message).toMatch(/empty workspace only/);
    expectError(await as(app.tokens.owner)(M.loadExample), 'CONFLICT');
    expectError(await as(app.tokens.analyst)(M.loadExample), 'FORBIDDEN');
    expect(await referenceCounts(app)).toEqual(before);
  });
});
