import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { expectError, rowCounts } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/*
 * Archived parties, organizations, people and themes stay on the records that use them, but are
 * not taken up anew: a create, or an update that adds one, is BAD_USER_INPUT naming the field and
 * writes nothing; an update that keeps one the record already holds goes through.
 */

const Q = {
  addCountry: 'mutation($input: AddCountryPartyInput!) { addCountryParty(input: $input) { party { id version } } }',
  createOrg: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id version } } }',
  createPerson: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } } }',
  createTheme: 'mutation($input: CreateThemeInput!) { createTheme(input: $input) { theme { id version } } }',
  archiveParty: 'mutation($input: SetPartyArchivedInput!) { setPartyArchived(input: $input) { party { id } } }',
  archiveOrg: 'mutation($input: SetOrganizationArchivedInput!) { setOrganizationArchived(input: $input) { organization { id } } }',
  archivePerson: 'mutation($input: SetPersonArchivedInput!) { setPersonArchived(input: $input) { person { id } } }',
  archiveTheme: 'mutation($input: SetThemeArchivedInput!) { setThemeArchived(input: $input) { theme { id } } }',
  createAgreement: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id version } } }',
  updateAgreement: 'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { agreement { id version title } } }',
  createCommitment: 'mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id version } } }',
  updateCommitment: 'mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id version title } } }',
};

describe('archived reference data is kept, not taken up anew', () => {
  let app: TestApp;
  const ok = async (query: string, input: Record<string, unknown>) => {
    const res = await app.request({ query, variables: { input }, token: app.tokens.analyst });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  const refused = async (query: string, input: Record<string, unknown>, field: string) => {
    const before = await rowCounts(app);
    const error = expectError(await app.request({ query, variables: { input }, token: app.tokens.analyst }), 'BAD_USER_INPUT', field);
    expect(error.message).toMatch(/archived/);
    expect(await rowCounts(app)).toEqual(before);
  };
  const ids = {} as Record<'org' | 'person' | 'agreement' | 'commitment', string>;
  let agreementVersion: number;
  let commitmentVersion: number;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    const gt = (await ok(Q.addCountry, { code: 'GT' })).party;
    const org = (await ok(Q.createOrg, { partyId: gt.id, name: 'Instituto Guatemalteco de Migración', acronym: 'IGM' })).organization;
    const person = (await ok(Q.createPerson, { name: 'Guatemalan liaison', organizationId: org.id })).person;
    const theme = (await ok(Q.createTheme, { slug: 'regional-processing', name: 'Regional processing', nameEs: 'Procesamiento regional' })).theme;
    const agreement = (await ok(Q.createAgreement, { title: 'Trilateral meeting', kind: 'MEETING', partyCodes: ['US', 'MX', 'GT'], participantIds: [person.id] })).agreement;
    const commitment = (await ok(Q.createCommitment, {
      agreementId: agreement.id, title: 'Guatemala to process claims regionally', partyCodes: ['GT'], themes: ['regional-processing'],
      ownerOrganizationId: org.id, ownerPersonId: person.id,
    })).commitment;
    Object.assign(ids, { org: org.id, person: person.id, agreement: agreement.id, commitment: commitment.id });
    agreementVersion = agreement.version;
    commitmentVersion = commitment.version;
    await ok(Q.archiveParty, { id: gt.id, expectedVersion: gt.version, archived: true });
    await ok(Q.archiveOrg, { id: org.id, expectedVersion: org.version, archived: true });
    await ok(Q.archivePerson, { id: person.id, expectedVersion: person.version, archived: true });
    await ok(Q.archiveTheme, { id: theme.id, expectedVersion: theme.version, archived: true });
  });
  afterAll(() => app?.close());

  it('createAgreement refuses an archived party (partyCodes) and an archived participant (participantIds)', async () => {
    await refused(Q.createAgreement, { title: 'New talks', kind: 'DIALOGUE', partyCodes: ['US', 'GT'] }, 'partyCodes');
    await refused(Q.createAgreement, { title: 'New talks', kind: 'DIALOGUE', partyCodes: ['US', 'MX'], participantIds: [ids.person] }, 'participantIds');
  });

  it('createCommitment refuses an archived committing party, theme, owner organization and owner person', async () => {
    const base = { agreementId: ids.agreement, title: 'Another promise', partyCodes: ['US'] };
    await refused(Q.createCommitment, { ...base, partyCodes: ['GT'] }, 'partyCodes');
    await refused(Q.createCommitment, { ...base, themes: ['regional-processing'] }, 'themes');
    await refused(Q.createCommitment, { ...base, ownerOrganizationId: ids.org }, 'ownerOrganizationId');
    await refused(Q.createCommitment, { ...base, ownerPersonId: ids.person }, 'ownerPersonId');
  });

  it('an update that adds one is refused; one that keeps those the record holds goes through', async () => {
    const versionOf = async (table: string, id: string) => (await app.sql(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version as number;
    const talks = { id: SEED_IDS.agreements.migrationTalks, expectedVersion: await versionOf('agreements', SEED_IDS.agreements.migrationTalks) };
    const smuggling = { id: SEED_IDS.commitments.mxSmuggling, expectedVersion: await versionOf('commitments', SEED_IDS.commitments.mxSmuggling) };
    await refused(Q.updateAgreement, { ...talks, partyCodes: ['US', 'MX', 'GT'] }, 'partyCodes');
    await refused(Q.updateAgreement, { ...talks, participantIds: [ids.person] }, 'participantIds');
    await refused(Q.updateCommitment, { ...smuggling, themes: ['regional-processing'] }, 'themes');
    await refused(Q.updateCommitment, { ...smuggling, ownerOrganizationId: ids.org }, 'ownerOrganizationId');

    const agreement = await ok(Q.updateAgreement, {
      id: ids.agreement, expectedVersion: agreementVersion, title: 'Trilateral meeting (renamed)', partyCodes: ['US', 'MX', 'GT'], participantIds: [ids.person],
    });
    expect(agreement.agreement.title).toBe('Trilateral meeting (renamed)');
    const commitment = await ok(Q.updateCommitment, {
      id: ids.commitment, expectedVersion: commitmentVersion, title: 'Guatemala to process claims in the region',
      partyCodes: ['GT'], themes: ['regional-processing'], ownerOrganizationId: ids.org, ownerPersonId: ids.person,
    });
    expect(commitment.commitment.title).toBe('Guatemala to process claims in the region');
  });
});
