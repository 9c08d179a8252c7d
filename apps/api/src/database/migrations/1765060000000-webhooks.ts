import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: endpoints admins register, each with its own cursor in the activity log
 * (last_activity_id: the last change it took, delivered or not wanted), and the log of what was
 * sent to it (one row per endpoint and change, its attempts counted). Isolated like every
 * workspace table: workspace_id on each row, every query filtered by it. A disabled endpoint's
 * admins get a WEBHOOK_DISABLED notification.
 */
export class Webhooks1765060000000 implements MigrationInterface {
  name = 'Webhooks1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        url text NOT NULL,
        kinds text[] NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_at timestamptz,
        disabled_reason text,
        last_activity_id bigint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX webhook_endpoints_list_idx ON webhook_endpoints (workspace_id, created_at DESC, id);
      CREATE INDEX webhook_endpoints_enabled_idx ON webhook_endpoints (id) WHERE enabled;

      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        activity_id bigint NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
        response_code integer,
        error text,
        attempts integer NOT NULL DEFAULT 1,
        duration_ms integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempted_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (endpoint_id, activity_id)
      );
      CREATE INDEX webhook_deliveries_list_idx ON webhook_deliveries (endpoint_id, created_at DESC, id);

      ALTER TABLE notifications ADD COLUMN webhook_endpoint_id uuid REFERENCES webhook_endpoints(id) ON DELETE CASCADE;
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
        (kind = 'MENTION' AND comment_id IS NOT NULL) OR (kind = 'ASSIGNED' AND commitment_id IS NOT NULL)
        OR (kind = 'WEBHOOK_DISABLED' AND webhook_endpoint_id IS NOT NULL)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notifications WHERE kind = 'WEBHOOK_DISABLED';
      ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (
        (kind = 'MENTION' AND comment_id IS NOT NULL) OR (kind = 'ASSIGNED' AND commitment_id IS NOT NULL)
      );
      ALTER TABLE notifications DROP COLUMN webhook_endpoint_id;
      DROP TABLE webhook_deliveries, webhook_endpoints;
    `);
  }
}
