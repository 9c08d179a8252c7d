import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job engine (pg-boss) holds a sending delivery by its heartbeat now: the delivery's own
 * lease, `lease_until`, is no longer read by anything.
 */
export class DigestLeaseDropped1765090000000 implements MigrationInterface {
  name = 'DigestLeaseDropped1765090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE digest_deliveries DROP COLUMN IF EXISTS lease_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE digest_deliveries ADD COLUMN IF NOT EXISTS lease_until timestamptz`);
  }
}
