import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignees: the members responsible for a commitment's follow-up (beside the agency that owns
 * it). Scoped like every workspace table, by its workspace_id column and the queries that name it;
 * the foreign key to memberships keeps assignees among the workspace's members (removing a member
 * takes their assignments with them). assigned_by is null when an API key assigned.
 * Notifications learn a second kind, ASSIGNED, about a commitment rather than a comment.
 */
export class CommitmentAssignees1765050000000 implements MigrationInterface {
  name = 'CommitmentAssignees1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commitment_assignees (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (commitment_id, user_id),
        FOREIGN KEY (workspace_id, user_id) REFERENCES memberships(workspace_id, user_id) ON DELETE CASCADE
      );
      CREATE INDEX commitment_assignees_user_idx ON commitment_assignees (workspace_id, user_id);

      ALTER TABLE notifications ADD COLUMN commitment_id uuid REFERENCES commitments(id) ON DELETE CASCADE;
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
        (kind = 'MENTION' AND comment_id IS NOT NULL) OR (kind = 'ASSIGNED' AND commitment_id IS NOT NULL)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notifications WHERE kind = 'ASSIGNED';
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('MENTION'));
      ALTER TABLE notifications DROP COLUMN commitment_id;
      DROP TABLE commitment_assignees;
    `);
  }
}
