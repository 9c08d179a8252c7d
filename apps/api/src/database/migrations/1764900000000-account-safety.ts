import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSafety1764900000000 implements MigrationInterface {
  name = 'AccountSafety1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- rate-limiter-flexible's PostgreSQL store (its own layout), shared by every instance: sign-in and
      -- password-change attempts, sign-up and reset mails. Keys are hashes: no address is kept in clear.
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);

      -- The hand-counted failures it replaces.
      DROP TABLE sign_in_failures;

      -- A sign-up waiting for its emailed link: the account is made only when the link is followed.
      CREATE TABLE sign_up_requests (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        workspace_name text NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );

      -- One open invitation per address and workspace: of any left open together, the newest stays.
      UPDATE invitations i SET revoked_at = now()
      WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND EXISTS (
        SELECT 1 FROM invitations n
        WHERE n.workspace_id = i.workspace_id AND lower(n.email) = lower(i.email) AND n.accepted_at IS NULL AND n.revoked_at IS NULL
          AND (n.created_at, n.id) > (i.created_at, i.id)
      );
      CREATE UNIQUE INDEX invitations_open_email_idx ON invitations (workspace_id, lower(email)) WHERE accepted_at IS NULL AND revoked_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_open_email_idx;
      DROP TABLE sign_up_requests;
      CREATE TABLE sign_in_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email, created_at);
      CREATE INDEX sign_in_failures_ip_idx ON sign_in_failures (ip, created_at);
      DROP TABLE rate_limits;
    `);
  }
}
