import { Client } from 'pg';

/**
 * The standard data set, added to the seeded workspace with set-based SQL (generate_series), in one
 * transaction: 50 agreements × 100 commitments; per commitment 2 parties, 5 evidence, 4 status
 * changes (each with its activity row), 2 indicators with 6 observations each; 20 parties in the
 * workspace in all. The US–Mexico seed stays beside it (it is older, so it is not in the first page).
 */
export const DATASET = {
  agreements: 50,
  commitmentsPerAgreement: 100,
  evidencePerCommitment: 5,
  statusChangesPerCommitment: 4,
  indicatorsPerCommitment: 2,
  observationsPerIndicator: 6,
  parties: 20,
} as const;

export type TableCounts = Record<string, number>;

const TABLES = [
  'parties', 'agreements', 'agreement_parties', 'commitments', 'commitment_parties', 'evidence', 'commitment_evidence',
  'status_changes', 'status_change_evidence', 'indicators', 'observations', 'activity',
];

export async function loadDataset(url: string, workspaceId: string): Promise<TableCounts> {
  const d = DATASET;
  const client = new Client({ connectionString: url });
  await client.connect();
  const q = (text: string) => client.query(text, text.includes('$1') ? [workspaceId] : []);
  try {
    await client.query('BEGIN');
    // Parties: the seed's, then two-letter codes the seed does not use, up to 20.
    await q(`
      INSERT INTO parties (id, workspace_id, code, name)
      SELECT gen_random_uuid(), $1, code, 'Bench party ' || code
      FROM (SELECT chr(65 + i) || chr(65 + j) AS code FROM generate_series(25, 0, -1) i, generate_series(25, 0, -1) j) codes
      WHERE code NOT IN (SELECT code FROM parties WHERE workspace_id = $1)
      ORDER BY code DESC
      LIMIT greatest(0, ${d.parties} - (SELECT count(*) FROM parties WHERE workspace_id = $1))`);
    await q(`CREATE TEMP TABLE b_party ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM parties WHERE workspace_id = $1`);
    await q(`CREATE TEMP TABLE b_org ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY acronym) - 1)::int AS n, id FROM organizations WHERE workspace_id = $1`);

    // Agreements, newer than the seed's, one hour apart.
    await q(`CREATE TEMP TABLE b_agreement ON COMMIT DROP AS
      SELECT n, gen_random_uuid() AS id FROM generate_series(1, ${d.agreements}) n`);
    await q(`
      INSERT INTO agreements (id, workspace_id, title, kind, held_on, place, summary, created_at, updated_at)
      SELECT id, $1, 'Bench dialogue ' || n, (ARRAY['MEETING','DIALOGUE','JOINT_STATEMENT','MOU','TREATY'])[1 + n % 5],
             date '2024-01-01' + n, 'City ' || n, 'Talks on migration and border management, round ' || n,
             timestamptz '2025-01-01' + n * interval '1 hour', timestamptz '2025-01-01' + n * interval '1 hour'
      FROM b_agreement`);
    // Three parties per agreement.
    await q(`
      INSERT INTO agreement_parties (agreement_id, party_id, workspace_id)
      SELECT a.id, p.id, $1 FROM b_agreement a, generate_series(0, 2) k
      JOIN b_party p ON true
      WHERE p.n = (a.n + k * 7) % ${d.parties}`);

    // Commitments, one second apart (creation order is their order in an agreement).
    await q(`CREATE TEMP TABLE b_commitment ON COMMIT DROP AS
      SELECT (a.n - 1) * ${d.commitmentsPerAgreement} + c AS n, a.n AS an, a.id AS agreement_id, gen_random_uuid() AS id
      FROM b_agreement a, generate_series(1, ${d.commitmentsPerAgreement}) c`);
    await q(`
      INSERT INTO commitments (id, workspace_id, agreement_id, title, description, source_quote, owner_organization_id,
        status, due_on, priority, version, created_at, updated_at)
      SELECT c.id, $1, c.agreement_id, 'Bench commitment ' || c.n,
             'What party ' || c.an || ' undertook in item ' || c.n || ' of the talks, in some detail.',
             'The parties commit to measure ' || c.n || '.',
             (SELECT o.id FROM b_org o WHERE o.n = c.n % greatest(1, (SELECT count(*) FROM b_org))),
             (ARRAY['IN_PROGRESS','PARTIALLY_FULFILLED','FULFILLED','BROKEN'])[1 + c.n % 4],
             date '2025-06-01' + (c.n % 365),
             (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + c.n % 4],
             ${d.statusChangesPerCommitment},
             timestamptz '2025-02-01' + c.n * interval '1 second', timestamptz '2025-03-01' + c.n * interval '1 second'
      FROM b_commitment c`);
    // Two parties per commitment, both parties of its agreement.
    await q(`
      INSERT INTO commitment_parties (commitment_id, party_id, workspace_id)
      SELECT c.id, p.id, $1 FROM b_commitment c, generate_series(0, 1) k
      JOIN b_party p ON true
      WHERE p.n = (c.an + ((c.n + k) % 3) * 7) % ${d.parties}`);

    // Five sources per commitment, linked a minute apart.
    await q(`CREATE TEMP TABLE b_evidence ON COMMIT DROP AS
      SELECT c.n AS cn, c.id AS commitment_id, e AS en, gen_random_uuid() AS id
      FROM b_commitment c, generate_series(1, ${d.evidencePerCommitment}) e`);
    await q(`
      INSERT INTO evidence (id, workspace_id, url, title, publisher, published_on, kind, stance, added_by, created_at, updated_at)
      SELECT id, $1, 'https://example.org/bench/' || cn || '/' || en, 'Source ' || en || ' on commitment ' || cn,
             'Publisher ' || (cn % 17), date '2025-01-01' + (cn % 200),
             (ARRAY['OFFICIAL_STATEMENT','NEWS','DATASET','TESTIMONY','OTHER'])[en], 'SUPPORTS', 'bench',
             timestamptz '2025-02-01' + cn * interval '1 second' + en * interval '1 minute',
             timestamptz '2025-02-01' + cn * interval '1 second' + en * interval '1 minute'
      FROM b_evidence`);
    await q(`
      INSERT INTO commitment_evidence (commitment_id, evidence_id, workspace_id, created_at)
      SELECT commitment_id, id, $1, timestamptz '2025-02-01' + cn * interval '1 second' + en * interval '1 minute'
      FROM b_evidence`);

    // Four status changes per commitment, a day apart: announced, in progress, stalled, then its current status.
    await q(`CREATE TEMP TABLE b_change ON COMMIT DROP AS
      SELECT c.n AS cn, c.id AS commitment_id, v, gen_random_uuid() AS id,
             CASE v WHEN 1 THEN NULL WHEN 2 THEN 'ANNOUNCED' WHEN 3 THEN 'IN_PROGRESS' ELSE 'STALLED' END AS from_status,
             CASE v WHEN 1 THEN 'ANNOUNCED' WHEN 2 THEN 'IN_PROGRESS' WHEN 3 THEN 'STALLED'
                    ELSE (ARRAY['IN_PROGRESS','PARTIALLY_FULFILLED','FULFILLED','BROKEN'])[1 + c.n % 4] END AS to_status,
             timestamptz '2025-02-01' + c.n * interval '1 second' + (v - 1) * interval '1 day' AS at
      FROM b_commitment c, generate_series(1, ${d.statusChangesPerCommitment}) v`);
    await q(`
      INSERT INTO status_changes (id, workspace_id, commitment_id, from_status, to_status, note, reason_code, actor, commitment_version, created_at)
      SELECT id, $1, commitment_id, from_status, to_status, 'Change ' || v || ' of commitment ' || cn,
             CASE WHEN to_status IN ('STALLED', 'BROKEN') THEN 'NO_FUNDING' END, 'bench', v, at
      FROM b_change`);
    await q(`
      INSERT INTO status_change_evidence (status_change_id, evidence_id, workspace_id)
      SELECT s.id, e.id, $1 FROM b_change s JOIN b_evidence e ON e.commitment_id = s.commitment_id AND e.en = 1
      WHERE s.v = ${d.statusChangesPerCommitment}`);
    await q(`
      INSERT INTO activity (workspace_id, actor_type, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
      SELECT $1, 'SYSTEM', 'bench', CASE WHEN from_status IS NULL THEN 'commitment.created' ELSE 'commitment.status_changed' END,
             'Commitment', b.commitment_id,
             CASE WHEN from_status IS NOT NULL THEN jsonb_build_object('status', from_status, 'version', v - 1) END,
             jsonb_build_object('status', to_status, 'version', v, 'statusChangeId', b.id), at, b.commitment_id, c.agreement_id
      FROM b_change b JOIN commitments c ON c.id = b.commitment_id ORDER BY at`);

    // Two indicators per commitment, six monthly observations each.
    await q(`CREATE TEMP TABLE b_indicator ON COMMIT DROP AS
      SELECT c.n AS cn, c.id AS commitment_id, i AS inum, gen_random_uuid() AS id
      FROM b_commitment c, generate_series(1, ${d.indicatorsPerCommitment}) i`);
    await q(`
      INSERT INTO indicators (id, workspace_id, commitment_id, name, unit, baseline_on, description)
      SELECT id, $1, commitment_id, CASE inum WHEN 1 THEN 'People returned' ELSE 'Operations' END || ' (' || cn || ')',
             CASE inum WHEN 1 THEN 'people' ELSE 'operations' END, date '2025-01-01', ''
      FROM b_indicator`);
    await q(`
      INSERT INTO observations (id, workspace_id, indicator_id, value, as_of, recorded_by, recorded_at)
      SELECT gen_random_uuid(), $1, i.id, (i.cn % 97) * 100 + m * 10, date '2025-01-01' + (m - 1) * interval '1 month', 'bench',
             timestamptz '2025-02-01' + (m - 1) * interval '1 month'
      FROM b_indicator i, generate_series(1, ${d.observationsPerIndicator}) m`);
    await client.query('COMMIT');
    await client.query(`VACUUM ANALYZE ${TABLES.join(', ')}`);
    const { rows } = await client.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    return rows[0];
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
