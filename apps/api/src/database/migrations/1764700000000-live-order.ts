import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveOrder1764700000000 implements MigrationInterface {
  name = 'LiveOrder1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Activity ids are a resume cursor ("since"): within a workspace they must increase in commit
      -- order, or a subscriber that saw 105 (committed first) and resumes after 105 never gets 104.
      -- The id is taken again under a per-workspace lock held until commit, so the next writer of the
      -- workspace gets a larger id only after this one committed (or rolled back).
      CREATE FUNCTION order_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(1764700, hashtext(NEW.workspace_id::text));
        NEW.id := nextval(pg_get_serial_sequence('activity', 'id'));
        RETURN NEW;
      END $$;
      CREATE TRIGGER activity_order BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION order_activity();

      -- When a viewer started looking (seen_at is refreshed while they look).
      ALTER TABLE presence ADD COLUMN since timestamptz NOT NULL DEFAULT now();

      -- One mention notification per comment and person, however often the comment is edited.
      CREATE UNIQUE INDEX notifications_comment_user_idx ON notifications (comment_id, user_id) WHERE comment_id IS NOT NULL;
      CREATE INDEX notifications_unread_idx ON notifications (user_id, workspace_id) WHERE read_at IS NULL;
      CREATE INDEX comment_mentions_user_idx ON comment_mentions (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS comment_mentions_user_idx, notifications_unread_idx, notifications_comment_user_idx;
      ALTER TABLE presence DROP COLUMN IF EXISTS since;
      DROP TRIGGER IF EXISTS activity_order ON activity;
      DROP FUNCTION IF EXISTS order_activity();
    `);
  }
}
