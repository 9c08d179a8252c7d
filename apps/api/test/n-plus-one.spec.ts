import { randomUUID } from 'node:crypto';
import { SEED_IDS } from '../src/database/seeds/us-mexico-migration-talks.seed-data';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const NESTED = `
  query Nested($agreements: Int!) {
    agreements(first: $agreements) {
      edges { node {
        id title parties { code } participants { name } sources { title }
        commitments(first: 20) {
          totalCount
          edges { node {
            id title status overdue
            parties { code }
            owner { acronym party { code } }
            themes { slug }
            evidence(first: 5) { totalCount edges { node { id title } } }
            latestStatusChange { to note evidence { id } }
            indicators { name latestObservation { value } }
            links { kind commitment { id } }
            assignees { name }
          } }
        }
      } }
    }
  }`;

/** More agreements, each with commitments that have parties, evidence, history and an indicator. */
async function addAgreements(app: TestApp, count: number, commitmentsEach: number): Promise<void> {
  const ws = SEED_IDS.workspace;
  for (let a = 0; a < count; a++) {
    const agreementId = randomUUID();
    await app.sql(`INSERT INTO agreements (id, workspace_id, title, kind, summary) VALUES ($1, $2, $3, 'DIALOGUE', '')`, [agreementId, ws, `Dialogue ${a}`]);
    await app.sql(`INSERT INTO agreement_parties SELECT $1, id, $2 FROM parties WHERE workspace_id = $2`, [agreementId, ws]);
    let previous: string | null = null;
    for (let c = 0; c < commitmentsEach; c++) {
      const id = randomUUID();
      await app.sql(
        `INSERT INTO commitments (id, workspace_id, agreement_id, title, owner_organization_id)
         SELECT $1, $2, $3, $4, id FROM organizations WHERE workspace_id = $2 LIMIT 1`,
        [id, ws, agreementId, `Commitment ${a}.${c}`],
      );
      await app.sql(`INSERT INTO commitment_parties SELECT $1, id, $2 FROM parties WHERE workspace_id = $2 AND code = 'US'`, [id, ws]);
      await app.sql(`INSERT INTO commitment_themes SELECT $1, id, $2 FROM themes WHERE workspace_id = $2 LIMIT 2`, [id, ws]);
      let lastEvidence = '';
      for (let e = 0; e < 7; e++) {
        const evidenceId = randomUUID();
        await app.sql(`INSERT INTO evidence (id, workspace_id, url, title, kind, stance, added_by) VALUES ($1, $2, $3, $4, 'NEWS', 'SUPPORTS', 'test')`, [evidenceId, ws, `https://example.org/${evidenceId}`, `Source ${e}`]);
        await app.sql(`INSERT INTO commitment_evidence (commitment_id, evidence_id, workspace_id) VALUES ($1, $2, $3)`, [id, evidenceId, ws]);
        lastEvidence = evidenceId;
      }
      const changeId = randomUUID();
      await app.sql(`INSERT INTO status_changes (id, workspace_id, commitment_id, to_status, actor, commitment_version) VALUES ($1, $2, $3, 'ANNOUNCED', 'test', 1)`, [changeId, ws, id]);
      await app.sql(`INSERT INTO status_change_evidence VALUES ($1, $2, $3)`, [changeId, lastEvidence, ws]);
      if (previous) {
        await app.sql(`INSERT INTO commitment_links (id, workspace_id, from_commitment_id, to_commitment_id, kind) VALUES ($1, $2, $3, $4, 'RECIPROCAL')`, [randomUUID(), ws, previous, id]);
      }
      previous = id;
      await app.sql(`INSERT INTO commitment_assignees (workspace_id, commitment_id, user_id) SELECT $1, $2, user_id FROM memberships WHERE workspace_id = $1 ORDER BY user_id LIMIT 2`, [ws, id]);
      const indicatorId = randomUUID();
      await app.sql(`INSERT INTO indicators (id, workspace_id, commitment_id, name, unit) VALUES ($1, $2, $3, 'Figure', 'people')`, [indicatorId, ws, id]);
      await app.sql(`INSERT INTO observations (id, workspace_id, indicator_id, value, as_of, recorded_by) VALUES ($1, $2, $3, 10, '2024-01-01', 'test')`, [randomUUID(), ws, indicatorId]);
    }
  }
}

describe('nested reads', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await addAgreements(app, 8, 6);
  });
  afterAll(() => app.close());

  it('take the same small number of SQL statements for 2 agreements as for 9, with ~50 commitments under them', async () => {
    const run = async (agreements: number) => {
      let body: GqlResponse | undefined;
      const statements = await app.countStatements(async () => {
        body = await app.gql(NESTED, { agreements });
      });
      expect(body?.errors).toBeUndefined();
      return { statements, body: body! };
    };

    const small = await run(2);
    const large = await run(9);
    const commitments = large.body.data!.agreements.edges.flatMap((e: any) => e.node.commitments.edges);
    expect(large.body.data!.agreements.edges).toHaveLength(9);
    expect(commitments.length).toBe(8 * 6 + 5);
    // Every commitment got its first 5 of 7 evidence rows, and the total.
    const added = commitments.filter((c: any) => c.node.title.startsWith('Commitment '));
    expect(added.every((c: any) => c.node.evidence.edges.length === 5 && c.node.evidence.totalCount === 7)).toBe(true);
    expect(added.every((c: any) => c.node.assignees.length === 2)).toBe(true);

    expect(large.statements).toBe(small.statements);
    // The caller's session with its membership (one statement), agreements, their parties,
    // participants, sources, commitments, then per commitment level: parties, owners, owners'
    // parties, themes, evidence, latest change, its evidence, indicators, observations, links,
    // the linked commitments and the assignees.
    expect(large.statements).toBeLessThanOrEqual(18);
  });
});
