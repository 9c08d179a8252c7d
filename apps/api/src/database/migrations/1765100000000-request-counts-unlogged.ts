import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-caller request counts (RATE_LIMIT_PER_MINUTE) move out of `rate_limits` into an UNLOGGED
 * table of the same layout: every API request writes its count, and a logged table made each of
 * those writes a WAL record flushed at commit. A count lives a minute; after a PostgreSQL crash the
 * table comes back empty and callers start a fresh minute. Sign-in, password and mail limits stay in
 * `rate_limits`, logged: a lockout must survive a crash.
 */
export class RequestCountsUnlogged1765100000000 implements MigrationInterface {
  name = 'RequestCountsUnlogged1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE request_counts (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX request_counts_expire_idx ON request_counts (expire);
      DELETE FROM rate_limits WHERE key LIKE 'graphql:%';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS request_counts`);
  }
}
