import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress notes: an entry of a commitment's history with a note and evidence that leaves the
 * status as it was (kind PROGRESS; from and to are the status in force on its day). Status changes
 * keep kind STATUS_CHANGE; only they decide the current status.
 */
export class ProgressNotes1765030000000 implements MigrationInterface {
  name = 'ProgressNotes1765030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE status_changes ADD COLUMN kind text NOT NULL DEFAULT 'STATUS_CHANGE'
        CONSTRAINT status_changes_kind_check CHECK (kind IN ('STATUS_CHANGE', 'PROGRESS'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE status_changes DROP COLUMN kind;`);
  }
}
