import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMTP server's acceptance of a digest, recorded the moment it answers: when, and what it
 * said. A delivery with an acceptance is never sent again, whatever its status or attempt.
 */
export class DigestAcceptance1765020000000 implements MigrationInterface {
  name = 'DigestAcceptance1765020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE digest_deliveries ADD COLUMN accepted_at timestamptz, ADD COLUMN smtp_response text;
      UPDATE digest_deliveries SET accepted_at = finished_at WHERE status = 'SENT';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE digest_deliveries DROP COLUMN IF EXISTS accepted_at, DROP COLUMN IF EXISTS smtp_response`);
  }
}
