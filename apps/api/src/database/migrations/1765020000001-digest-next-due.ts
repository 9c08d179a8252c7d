import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a subscription can next be due (a lower bound): the scheduler reads only the subscriptions
 * whose time has come — one indexed query per poll — instead of every subscription. NULL means
 * "look at it at the next poll"; a change to what decides the schedule (cadence, hour, weekday,
 * time zone, where the window starts, confirmation, unsubscribe) sets it back to NULL, unless the
 * same statement sets it (the scheduler does, when it moves `covered_until`).
 */
export class DigestNextDue1765020000001 implements MigrationInterface {
  name = 'DigestNextDue1765020000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE digest_subscriptions ADD COLUMN next_due_at timestamptz;
      CREATE INDEX digest_subscriptions_due_idx ON digest_subscriptions (COALESCE(next_due_at, '-infinity'::timestamptz))
        WHERE cadence <> 'OFF' AND unsubscribed_at IS NULL;
      CREATE FUNCTION digest_subscription_reschedule() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.next_due_at IS NOT DISTINCT FROM OLD.next_due_at THEN NEW.next_due_at := NULL; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER digest_subscription_reschedule BEFORE UPDATE ON digest_subscriptions FOR EACH ROW
        WHEN ((OLD.cadence, OLD.hour, OLD.weekday, OLD.time_zone, OLD.covered_until, OLD.confirmed_at, OLD.unsubscribed_at)
          IS DISTINCT FROM (NEW.cadence, NEW.hour, NEW.weekday, NEW.time_zone, NEW.covered_until, NEW.confirmed_at, NEW.unsubscribed_at))
        EXECUTE FUNCTION digest_subscription_reschedule();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS digest_subscription_reschedule ON digest_subscriptions;
      DROP FUNCTION IF EXISTS digest_subscription_reschedule();
      DROP INDEX IF EXISTS digest_subscriptions_due_idx;
      ALTER TABLE digest_subscriptions DROP COLUMN IF EXISTS next_due_at;
    `);
  }
}
