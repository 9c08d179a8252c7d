import { MigrationInterface, QueryRunner } from 'typeorm';

export class Archive1764960000000 implements MigrationInterface {
  name = 'Archive1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Nothing is deleted through the API: agreements, commitments and sources are archived
      -- instead, leave lists, counts and digests, and stay readable by id and in history.
      ALTER TABLE agreements ADD COLUMN archived_at timestamptz;
      ALTER TABLE commitments ADD COLUMN archived_at timestamptz;
      ALTER TABLE evidence ADD COLUMN archived_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evidence DROP COLUMN archived_at;
      ALTER TABLE commitments DROP COLUMN archived_at;
      ALTER TABLE agreements DROP COLUMN archived_at;
    `);
  }
}
