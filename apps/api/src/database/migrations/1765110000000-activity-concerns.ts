import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each activity row keeps the commitment and the agreement it concerns, as they were when it was
 * written (ActivityService fills them with libs/domain's changeConcerns), so the live feed and the
 * digests read two columns instead of each deriving them from the JSON and joins.
 *
 * Existing rows are backfilled with the derivation the live feed used: the subject when it is a
 * commitment or agreement; what a comment or watch is on; `after.commitmentId` (a source, a new
 * figure); an observation's figure's commitment; and the agreement of that commitment. One
 * addition, as changeConcerns has it: `after.agreementId` (a source detached from an agreement
 * now concerns that agreement).
 *
 * No foreign keys: the log is append-only evidence that outlives what it names, and a key check
 * would lock the commitment's row on every write. No index: no query filters on them yet.
 */
export class ActivityConcerns1765110000000 implements MigrationInterface {
  name = 'ActivityConcerns1765110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE activity ADD COLUMN commitment_id uuid, ADD COLUMN agreement_id uuid;
      -- The log is append-only; this one backfill of the new columns is the exception.
      ALTER TABLE activity DISABLE TRIGGER activity_append_only;
      UPDATE activity a SET commitment_id = d.commitment_id, agreement_id = d.agreement_id
      FROM (
        SELECT a.id, c.id AS commitment_id,
               COALESCE(c.agreement_id, CASE WHEN a.subject_type = 'Agreement' THEN a.subject_id END,
                 CASE WHEN a.after->>'subjectType' = 'AGREEMENT' THEN (a.after->>'subjectId')::uuid END,
                 CASE WHEN a.after->>'agreementId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   THEN (a.after->>'agreementId')::uuid END) AS agreement_id
        FROM activity a
        LEFT JOIN indicators i ON a.subject_type = 'Indicator' AND i.id = a.subject_id
        LEFT JOIN commitments c ON c.id = COALESCE(
          CASE WHEN a.subject_type = 'Commitment' THEN a.subject_id END,
          CASE WHEN a.after->>'subjectType' = 'COMMITMENT' THEN (a.after->>'subjectId')::uuid END,
          (a.after->>'commitmentId')::uuid,
          i.commitment_id)
      ) d
      WHERE d.id = a.id AND (d.commitment_id IS NOT NULL OR d.agreement_id IS NOT NULL);
      ALTER TABLE activity ENABLE TRIGGER activity_append_only;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity DROP COLUMN IF EXISTS commitment_id, DROP COLUMN IF EXISTS agreement_id`);
  }
}
