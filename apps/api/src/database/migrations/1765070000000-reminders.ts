import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders before a commitment's due date and the overdue flag. Each workspace keeps its reminder
 * offsets (days before the due date, [7, 1] unless an admin changes them). A row of
 * commitment_reminders is one reminder sent: its unique key (commitment, kind, due date, offset;
 * the overdue flag has no offset) makes any number of runs on any number of instances record each
 * once, and a new due date gets reminders of its own. notified_user_ids is whom it told (assignees
 * and watchers): their digests carry it. Notifications learn DUE_SOON and OVERDUE, about a
 * reminder; every earlier kind keeps its rule.
 */
export class Reminders1765070000000 implements MigrationInterface {
  name = 'Reminders1765070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE workspaces ADD COLUMN reminder_days_before integer[] NOT NULL DEFAULT '{7,1}';

      CREATE TABLE commitment_reminders (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        commitment_id uuid NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('DUE_SOON', 'OVERDUE')),
        due_on date NOT NULL,
        days_before integer CHECK ((kind = 'DUE_SOON') = (days_before IS NOT NULL)),
        notified_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (commitment_id, kind, due_on, days_before)
      );
      CREATE INDEX commitment_reminders_window_idx ON commitment_reminders (workspace_id, created_at);

      ALTER TABLE notifications ADD COLUMN reminder_id uuid REFERENCES commitment_reminders(id) ON DELETE CASCADE;
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
        (kind = 'MENTION' AND comment_id IS NOT NULL) OR (kind = 'ASSIGNED' AND commitment_id IS NOT NULL)
        OR (kind = 'WEBHOOK_DISABLED' AND webhook_endpoint_id IS NOT NULL)
        OR (kind IN ('DUE_SOON', 'OVERDUE') AND commitment_id IS NOT NULL AND reminder_id IS NOT NULL)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notifications WHERE kind IN ('DUE_SOON', 'OVERDUE');
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
        (kind = 'MENTION' AND comment_id IS NOT NULL) OR (kind = 'ASSIGNED' AND commitment_id IS NOT NULL)
        OR (kind = 'WEBHOOK_DISABLED' AND webhook_endpoint_id IS NOT NULL)
      );
      ALTER TABLE notifications DROP COLUMN reminder_id;
      DROP TABLE commitment_reminders;
      ALTER TABLE workspaces DROP COLUMN reminder_days_before;
    `);
  }
}
