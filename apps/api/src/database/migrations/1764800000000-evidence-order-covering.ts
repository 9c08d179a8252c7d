import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceOrderCovering1764800000000 implements MigrationInterface {
  name = 'EvidenceOrderCovering1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A commitment's first evidence is ranked on this index alone (index-only scan): with the
      -- workspace in it, the workspace check no longer reads each link's heap row (2,000 per nested
      -- page of 400 commitments).
      DROP INDEX commitment_evidence_order_idx;
      CREATE INDEX commitment_evidence_order_idx ON commitment_evidence (commitment_id, created_at DESC, evidence_id DESC) INCLUDE (workspace_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX commitment_evidence_order_idx;
      CREATE INDEX commitment_evidence_order_idx ON commitment_evidence (commitment_id, created_at DESC, evidence_id DESC);
    `);
  }
}
