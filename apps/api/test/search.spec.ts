import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { startTestApp, TestApp } from './support/test-app';

const SEARCH = `
  query Search($search: String!) {
    commitments(first: 100, filter: { search: $search }) { totalCount edges { node { id } } }
  }`;

const CREATE = `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id version } } }`;
const CHANGE = `mutation($input: ChangeCommitmentStatusInput!) { changeCommitmentStatus(input: $input) { commitment { version } } }`;
const ADD_EVIDENCE = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { evidence { id version } } }`;
const UPDATE_EVIDENCE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { evidence { id } } }`;

describe('searching commitments in English and Spanish', () => {
  let app: TestApp;
  let spanish: string;

  beforeAll(async () => {
    app = await startTestApp();
    const created = await app.gql(CREATE, {
      input: {
        agreementId: SEED_IDS.agreements.migrationTalks,
        partyCodes: ['MX'],
        title: 'Vuelos de repatriación desde Tapachula',
        description: 'El INM coordinará la deportación de las personas que no obtengan protección, con acompañamiento consular.',
        sourceQuote: 'México reforzará las operaciones en la frontera sur.',
      },
    });
    expect(created.errors).toBeUndefined();
    spanish = created.data!.createCommitment.commitment.id;
  });
  afterAll(() => app.close());

  const ids = async (search: string) => {
    const res = await app.gql<{ commitments: { edges: { node: { id: string } }[] } }>(SEARCH, { search });
    expect(res.errors).toBeUndefined();
    return res.data!.commitments.edges.map((e) => e.node.id);
  };

  it('finds Spanish text typed with or without its accents', async () => {
    expect(await ids('deportacion')).toEqual([spanish]);
    expect(await ids('deportación')).toContain(spanish);
    expect(await ids('repatriacion Tapachula')).toEqual([spanish]);
    expect(await ids('mexico frontera')).toEqual([spanish]);
  });

  it('finds Spanish words of the same stem: "deportados" finds "deportación"', async () => {
    expect(await ids('deportados')).toContain(spanish);
    expect(await ids('coordinar')).toEqual([spanish]);
  });

  it('matches across languages where the stems agree: "deportados" also finds the English "deported"', async () => {
    expect(await ids('deportados')).toContain(SEED_IDS.commitments.usRepatriationFlights);
    expect(await ids('repatriation')).toEqual(expect.arrayContaining([SEED_IDS.commitments.usRepatriationFlights, spanish]));
  });

  it('keeps phrases and exclusions, accents ignored in both', async () => {
    expect(await ids('"acompanamiento consular"')).toEqual([spanish]);
    expect(await ids('"consular acompañamiento"')).toEqual([]);
    expect(await ids('deportacion -tapachula')).toEqual([]);
  });

  it('still finds English text by its English stems', async () => {
    expect(await ids('smugglers')).toContain(SEED_IDS.commitments.usCbpCrackdown);
    expect(await ids('"repatriation flights"')).toContain(SEED_IDS.commitments.usRepatriationFlights);
  });

  it('finds a commitment by the note of one of its status changes', async () => {
    expect(await ids('albergues')).toEqual([]);
    const res = await app.gql(CHANGE, {
      input: { commitmentId: spanish, expectedVersion: 1, status: 'IN_PROGRESS', note: 'Los primeros albergues ya operan en Tapachula.' },
    });
    expect(res.errors).toBeUndefined();
    expect(await ids('albergue')).toEqual([spanish]);
  });

  it('finds a commitment by the title of a source, also once the title is corrected', async () => {
    const added = await app.gql(ADD_EVIDENCE, {
      input: { commitmentId: spanish, url: 'https://example.org/inm/comunicado-45', title: 'Comunicado del Instituto Nacional de Migración' },
    });
    expect(added.errors).toBeUndefined();
    expect(await ids('comunicado migracion')).toEqual([spanish]);

    const { id, version } = added.data!.addEvidence.evidence;
    const updated = await app.gql(UPDATE_EVIDENCE, { input: { id, expectedVersion: version, title: 'Boletín del INM sobre Chiapas' } });
    expect(updated.errors).toBeUndefined();
    expect(await ids('comunicado')).toEqual([]);
    expect(await ids('boletin chiapas')).toEqual([spanish]);
  });

  it('has no fuzzy or prefix matching: a misspelt or cut word finds nothing', async () => {
    expect(await ids('deportasion')).toEqual([]);
    expect(await ids('Tapach')).toEqual([]);
  });
});
