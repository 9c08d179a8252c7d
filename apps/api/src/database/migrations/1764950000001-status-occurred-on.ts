import { MigrationInterface, QueryRunner } from 'typeorm';

// When a status change happened, beside when it was recorded (created_at), so a team can back-fill
// a commitment's past. A history reads in the order things happened: the entry a commitment was
// created with first (it is where the history starts, whatever day it was typed in), then the
// changes by the day they happened, then by the time they were recorded. `history_on` is that
// order's date; the commitment's status is the status of the last entry in it.
export class StatusOccurredOn1764950000001 implements MigrationInterface {
  name = 'StatusOccurredOn1764950000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE status_changes ADD COLUMN occurred_on date;
      -- History is append-only; this one backfill of the new column is the exception.
      ALTER TABLE status_changes DISABLE TRIGGER status_changes_append_only;
      UPDATE status_changes SET occurred_on = (created_at AT TIME ZONE 'UTC')::date;
      ALTER TABLE status_changes ENABLE TRIGGER status_changes_append_only;
      ALTER TABLE status_changes ALTER COLUMN occurred_on SET NOT NULL,
        ADD CONSTRAINT status_changes_occurred_on_check CHECK (occurred_on >= DATE '1900-01-01');

      -- Rows written without a day (the seed, bulk loads) happened the day they were recorded (UTC).
      CREATE FUNCTION status_change_occurred_on() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.occurred_on := COALESCE(NEW.occurred_on, (COALESCE(NEW.created_at, now()) AT TIME ZONE 'UTC')::date);
        RETURN NEW;
      END $$;
      CREATE TRIGGER status_changes_occurred_on BEFORE INSERT ON status_changes
        FOR EACH ROW EXECUTE FUNCTION status_change_occurred_on();

      ALTER TABLE status_changes ADD COLUMN history_on date
        GENERATED ALWAYS AS (CASE WHEN from_status IS NULL THEN DATE '0001-01-01' ELSE occurred_on END) STORED;
      DROP INDEX status_changes_commitment_idx;
      CREATE INDEX status_changes_commitment_idx ON status_changes (commitment_id, history_on DESC, created_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX status_changes_commitment_idx;
      CREATE INDEX status_changes_commitment_idx ON status_changes (commitment_id, created_at DESC, id DESC);
      DROP TRIGGER IF EXISTS status_changes_occurred_on ON status_changes;
      DROP FUNCTION IF EXISTS status_change_occurred_on();
      ALTER TABLE status_changes DROP COLUMN history_on, DROP COLUMN occurred_on;
    `);
  }
}
