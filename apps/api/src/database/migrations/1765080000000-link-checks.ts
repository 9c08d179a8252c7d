import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link checks of evidence addresses: what the last check found (link_state, the status answered,
 * where the redirects ended, why it was unreachable) and when; and an archived copy an analyst can
 * give for a source whose address has gone. url_host (the address's host, lower case) is what the
 * checker groups by, one host at a time; the partial index finds the sources due a check by host.
 */
export class LinkChecks1765080000000 implements MigrationInterface {
  name = 'LinkChecks1765080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evidence
        ADD COLUMN link_state text CHECK (link_state IN ('OK', 'REDIRECTED', 'BROKEN', 'UNREACHABLE')),
        ADD COLUMN link_status_code integer,
        ADD COLUMN link_final_url text,
        ADD COLUMN link_error text,
        ADD COLUMN link_checked_at timestamptz,
        ADD COLUMN archive_url text,
        ADD COLUMN url_host text GENERATED ALWAYS AS (lower(substring(url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^]]*\\]|[^/?#:]*)'))) STORED;
      CREATE INDEX evidence_link_due_idx ON evidence (url_host, link_checked_at NULLS FIRST) WHERE url IS NOT NULL AND archived_at IS NULL;
      CREATE INDEX evidence_link_failing_idx ON evidence (id) WHERE link_state IN ('BROKEN', 'UNREACHABLE');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX evidence_link_failing_idx;
      DROP INDEX evidence_link_due_idx;
      ALTER TABLE evidence DROP COLUMN url_host, DROP COLUMN archive_url, DROP COLUMN link_checked_at, DROP COLUMN link_error,
        DROP COLUMN link_final_url, DROP COLUMN link_status_code, DROP COLUMN link_state;
    `);
  }
}
