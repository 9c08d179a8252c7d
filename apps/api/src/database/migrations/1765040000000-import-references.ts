import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A commitment's reference in the system it came from (a spreadsheet's row key, another
 * tracker's id): importing the same file again updates the commitment it names rather than
 * adding another. Unique within a workspace where given.
 */
export class ImportReferences1765040000000 implements MigrationInterface {
  name = 'ImportReferences1765040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE commitments ADD COLUMN external_reference text;
      CREATE UNIQUE INDEX commitments_external_reference_idx ON commitments (workspace_id, external_reference) WHERE external_reference IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS commitments_external_reference_idx;
      ALTER TABLE commitments DROP COLUMN IF EXISTS external_reference;
    `);
  }
}
