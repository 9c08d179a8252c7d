import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What one run recorded: reminders sent and the notifications they made. */
export interface ReminderRun {
  reminders: number;
  notifications: number;
}

/**
 * Reminders before a commitment's due date and the overdue flag, found and recorded in one
 * statement. Days are UTC days, as everywhere in Pactwatch ("overdue" and todayIso). A commitment
 * still open (not FULFILLED or BROKEN, neither it nor its agreement archived) with a due date:
 * - in the past gets the OVERDUE flag, once per due date;
 * - within the workspace's largest offset gets the reminder of the smallest offset it is within
 *   (due in 3 days with [7, 1]: the 7-day one; in 1 day or today: the 1-day one), once per offset
 *   and due date. A missed day, or a commitment created late, still gets the nearest reminder,
 *   and never more than one a run.
 * Whom it tells is decided when it is recorded: the commitment's assignees and the members who
 * watch it. The unique key of commitment_reminders makes two runs, here or on another instance,
 * record each once: the second's insert waits for the first and then does nothing, and only the
 * rows it inserted notify.
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(today: string, workspaceId: string | null): Promise<ReminderRun> {
    const [row]: { reminders: number; notifications: number }[] = await this.dataSource.query(
      `WITH open AS (
         SELECT c.workspace_id, c.id, c.due_on, w.reminder_days_before AS offsets
         FROM commitments c JOIN workspaces w ON w.id = c.workspace_id JOIN agreements a ON a.id = c.agreement_id
         WHERE c.due_on IS NOT NULL AND c.status NOT IN ('FULFILLED', 'BROKEN') AND c.archived_at IS NULL AND a.archived_at IS NULL
           AND ($2::uuid IS NULL OR c.workspace_id = $2)
           AND c.due_on <= $1::date + COALESCE((SELECT max(o) FROM unnest(w.reminder_days_before) o), -1)
       ), wanted AS (
         SELECT workspace_id, id AS commitment_id, due_on,
                CASE WHEN due_on < $1::date THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind,
                CASE WHEN due_on < $1::date THEN NULL ELSE (SELECT min(o) FROM unnest(offsets) o WHERE o >= due_on - $1::date) END AS days_before
         FROM open
       ), recorded AS (
         INSERT INTO commitment_reminders (id, workspace_id, commitment_id, kind, due_on, days_before, notified_user_ids)
         SELECT gen_random_uuid(), d.workspace_id, d.commitment_id, d.kind, d.due_on, d.days_before,
                ARRAY(SELECT user_id FROM commitment_assignees WHERE workspace_id = d.workspace_id AND commitment_id = d.commitment_id
                      UNION
                      SELECT w.user_id FROM watches w JOIN memberships m ON m.workspace_id = w.workspace_id AND m.user_id = w.user_id
                      WHERE w.workspace_id = d.workspace_id AND w.subject_type = 'COMMITMENT' AND w.subject_id = d.commitment_id)
         FROM wanted d
         WHERE (d.kind = 'OVERDUE' OR d.days_before IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM commitment_reminders r WHERE r.commitment_id = d.commitment_id AND r.kind = d.kind
                             AND r.due_on = d.due_on AND r.days_before IS NOT DISTINCT FROM d.days_before)
         ON CONFLICT DO NOTHING
         RETURNING id, workspace_id, commitment_id, kind, notified_user_ids
       ), notified AS (
         INSERT INTO notifications (id, workspace_id, user_id, kind, commitment_id, reminder_id, actor_label)
         SELECT gen_random_uuid(), r.workspace_id, u.user_id, r.kind, r.commitment_id, r.id, 'system'
         FROM recorded r CROSS JOIN unnest(r.notified_user_ids) AS u(user_id)
         RETURNING id
       )
       SELECT (SELECT count(*) FROM recorded)::int AS reminders, (SELECT count(*) FROM notified)::int AS notifications`,
      [today, workspaceId],
    );
    return row;
  }

  async daysBefore(workspaceId: string, m: EntityManager = this.dataSource.manager): Promise<number[]> {
    const [row]: { days: number[] }[] = await m.query('SELECT reminder_days_before AS days FROM workspaces WHERE id = $1', [workspaceId]);
    return row?.days ?? [];
  }

  /** Sets the offsets; the ones there were before (the row is locked until the caller's transaction ends). */
  async setDaysBefore(m: EntityManager, workspaceId: string, days: number[]): Promise<number[]> {
    const [before]: { days: number[] }[] = await m.query('SELECT reminder_days_before AS days FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
    await m.query('UPDATE workspaces SET reminder_days_before = $2::integer[] WHERE id = $1', [workspaceId, days]);
    return before.days;
  }
}
