import { MigrationInterface, QueryRunner } from 'typeorm';

export class Digests1764500000000 implements MigrationInterface {
  name = 'Digests1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- What a member follows: a commitment, an agreement, a party, a theme, or a saved filter.
      CREATE TABLE watches (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        subject_type text NOT NULL CHECK (subject_type IN ('COMMITMENT', 'AGREEMENT', 'PARTY', 'THEME', 'FILTER')),
        subject_id uuid,
        filter jsonb,
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((subject_type = 'FILTER') = (filter IS NOT NULL AND subject_id IS NULL))
      );
      CREATE UNIQUE INDEX watches_subject_idx ON watches (workspace_id, user_id, subject_type, subject_id) WHERE subject_id IS NOT NULL;
      CREATE INDEX watches_user_idx ON watches (user_id, workspace_id);

      -- One per member (user_id) or outside recipient (email, confirmed by link before anything is sent).
      CREATE TABLE digest_subscriptions (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        email text,
        cadence text NOT NULL CHECK (cadence IN ('INSTANT', 'DAILY', 'WEEKLY', 'OFF')),
        hour integer NOT NULL DEFAULT 8 CHECK (hour BETWEEN 0 AND 23),
        weekday integer NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 1 AND 7),
        time_zone text NOT NULL DEFAULT 'UTC',
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
        filter jsonb,
        confirm_token_hash bytea UNIQUE,
        confirmed_at timestamptz,
        unsubscribed_at timestamptz,
        -- Where the next digest's window starts: the end of the last period one was made for.
        covered_until timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((user_id IS NULL) <> (email IS NULL))
      );
      CREATE UNIQUE INDEX digest_subscriptions_member_idx ON digest_subscriptions (workspace_id, user_id) WHERE user_id IS NOT NULL;
      CREATE UNIQUE INDEX digest_subscriptions_email_idx ON digest_subscriptions (workspace_id, lower(email)) WHERE email IS NOT NULL;

      -- The claim: one row per subscription and period, made before anything is sent. Also the job queue
      -- (workers take rows with FOR UPDATE SKIP LOCKED) and the delivery log admins read.
      CREATE TABLE digest_deliveries (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES digest_subscriptions(id) ON DELETE CASCADE,
        window_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'EMPTY', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        item_count integer,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (subscription_id, period_end)
      );
      CREATE INDEX digest_deliveries_due_idx ON digest_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
      CREATE INDEX digest_deliveries_workspace_idx ON digest_deliveries (workspace_id, created_at DESC);

      -- Digests read the log by time window.
      CREATE INDEX activity_window_idx ON activity (workspace_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activity_window_idx; DROP TABLE IF EXISTS digest_deliveries, digest_subscriptions, watches`);
  }
}
