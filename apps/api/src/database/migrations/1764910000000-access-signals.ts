import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessSignals1764910000000 implements MigrationInterface {
  name = 'AccessSignals1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Access that ends or changes (a member removed or given another role, a session ended, a
      -- key revoked) is announced on its own channel from the transaction that changes it, so every
      -- API instance hears it when it commits (never for a rollback) and closes the live
      -- connections it concerns. Delivered on the same LISTEN connection as activity, in commit
      -- order: a change committed after the removal is heard after it.
      CREATE FUNCTION notify_access() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        signal json;
      BEGIN
        IF TG_TABLE_NAME = 'memberships' THEN
          signal := json_build_object('kind', 'membership', 'userId', OLD.user_id, 'workspaceId', OLD.workspace_id,
            'role', CASE WHEN TG_OP = 'UPDATE' THEN NEW.role END);
        ELSIF TG_TABLE_NAME = 'sessions' THEN
          signal := json_build_object('kind', 'session', 'sessionId', OLD.id, 'userId', OLD.user_id);
        ELSE
          signal := json_build_object('kind', 'api_key', 'keyId', OLD.id, 'workspaceId', OLD.workspace_id);
        END IF;
        PERFORM pg_notify('pactwatch_access', signal::text);
        RETURN NULL;
      END $$;

      CREATE TRIGGER memberships_access_removed AFTER DELETE ON memberships
        FOR EACH ROW EXECUTE FUNCTION notify_access();
      CREATE TRIGGER memberships_access_changed AFTER UPDATE OF role ON memberships
        FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION notify_access();
      -- Keys are updated on every use (last_used_at): only the revocation itself signals.
      CREATE TRIGGER api_keys_access_revoked AFTER UPDATE OF revoked_at ON api_keys
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION notify_access();
      CREATE TRIGGER api_keys_access_removed AFTER DELETE ON api_keys
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL) EXECUTE FUNCTION notify_access();
      CREATE TRIGGER sessions_access_revoked AFTER UPDATE OF revoked_at ON sessions
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION notify_access();
      CREATE TRIGGER sessions_access_removed AFTER DELETE ON sessions
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL) EXECUTE FUNCTION notify_access();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS memberships_access_removed ON memberships;
      DROP TRIGGER IF EXISTS memberships_access_changed ON memberships;
      DROP TRIGGER IF EXISTS api_keys_access_revoked ON api_keys;
      DROP TRIGGER IF EXISTS api_keys_access_removed ON api_keys;
      DROP TRIGGER IF EXISTS sessions_access_revoked ON sessions;
      DROP TRIGGER IF EXISTS sessions_access_removed ON sessions;
      DROP FUNCTION IF EXISTS notify_access();
    `);
  }
}
