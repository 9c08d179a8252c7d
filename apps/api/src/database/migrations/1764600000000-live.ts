import { MigrationInterface, QueryRunner } from 'typeorm';

export class Live1764600000000 implements MigrationInterface {
  name = 'Live1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- NOTIFY inside the inserting transaction is delivered when it commits, and never if it rolls
      -- back: every API instance LISTENs and so hears of each change once it is real. Ids only.
      CREATE FUNCTION notify_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('pactwatch_activity', json_build_object('id', NEW.id, 'w', NEW.workspace_id)::text);
        RETURN NEW;
      END $$;
      CREATE TRIGGER activity_notify AFTER INSERT ON activity FOR EACH ROW EXECUTE FUNCTION notify_activity();

      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        subject_type text NOT NULL CHECK (subject_type IN ('COMMITMENT', 'AGREEMENT')),
        subject_id uuid NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      );
      CREATE INDEX comments_subject_idx ON comments (subject_id, created_at, id);

      CREATE TABLE comment_mentions (
        comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        PRIMARY KEY (comment_id, user_id)
      );

      -- In-app notifications (mentions, for now).
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('MENTION')),
        comment_id uuid REFERENCES comments(id) ON DELETE CASCADE,
        actor_label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, workspace_id, created_at DESC);

      -- Who is looking at a commitment now: one row per open subscription, refreshed while it lives,
      -- deleted when it ends; a row not refreshed in time (its instance died) no longer counts.
      CREATE TABLE presence (
        connection_id text NOT NULL,
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, commitment_id)
      );
      CREATE INDEX presence_commitment_idx ON presence (commitment_id, seen_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS presence, notifications, comment_mentions, comments;
      DROP TRIGGER IF EXISTS activity_notify ON activity;
      DROP FUNCTION IF EXISTS notify_activity();
    `);
  }
}
