import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views: a named commitment filter and order, private to its owner or shared with the
 * workspace. The one filter model: a watch of a filter is now a watch of a view (subject VIEW),
 * so each existing filter watch becomes a private view of its member, watched. An outside
 * recipient may follow a shared view (view_id); its own filter is the same CommitmentFilter JSON.
 */
export class SavedViews1764980000000 implements MigrationInterface {
  name = 'SavedViews1764980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        "order" jsonb,
        shared boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX saved_views_list_idx ON saved_views (workspace_id, lower(name), id);

      ALTER TABLE watches DROP CONSTRAINT IF EXISTS watches_subject_type_check;
      ALTER TABLE watches DROP CONSTRAINT IF EXISTS watches_check;
      INSERT INTO saved_views (id, workspace_id, owner_id, name, filter, created_at, updated_at)
        SELECT w.id, w.workspace_id, w.user_id, left(COALESCE(NULLIF(btrim(w.name), ''), 'Saved filter'), 200), w.filter, w.created_at, w.created_at
        FROM watches w WHERE w.subject_type = 'FILTER';
      UPDATE watches SET subject_type = 'VIEW', subject_id = id WHERE subject_type = 'FILTER';
      ALTER TABLE watches DROP COLUMN filter, DROP COLUMN name, ALTER COLUMN subject_id SET NOT NULL;
      ALTER TABLE watches ADD CONSTRAINT watches_subject_type_check CHECK (subject_type IN ('COMMITMENT', 'AGREEMENT', 'PARTY', 'THEME', 'VIEW'));
      CREATE INDEX watches_view_idx ON watches (subject_id) WHERE subject_type = 'VIEW';

      ALTER TABLE digest_subscriptions ADD COLUMN view_id uuid REFERENCES saved_views(id) ON DELETE SET NULL;
      CREATE INDEX digest_subscriptions_view_idx ON digest_subscriptions (view_id) WHERE view_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE digest_subscriptions DROP COLUMN view_id;
      DROP INDEX IF EXISTS watches_view_idx;
      ALTER TABLE watches DROP CONSTRAINT watches_subject_type_check, ADD COLUMN filter jsonb, ADD COLUMN name text, ALTER COLUMN subject_id DROP NOT NULL;
      UPDATE watches w SET subject_type = 'FILTER', filter = v.filter, name = v.name, subject_id = NULL FROM saved_views v WHERE w.subject_type = 'VIEW' AND v.id = w.subject_id;
      ALTER TABLE watches ADD CONSTRAINT watches_subject_type_check CHECK (subject_type IN ('COMMITMENT', 'AGREEMENT', 'PARTY', 'THEME', 'FILTER'));
      DROP TABLE saved_views;
    `);
  }
}
