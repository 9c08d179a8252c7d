import { ChangeKind, changeConcerns } from '@pactwatch/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/context/actor';

/** Whose change it is: the workspace it belongs to and who made it. */
export interface ActivityAuthor {
  workspaceId: string;
  actor: Actor;
}

const json = (value: object | null | undefined): string | null => (value ? JSON.stringify(value) : null);

/**
 * The one writer of the activity log: typed changes (libs/domain's ChangeKind), in the order
 * given (their ids follow it), one statement, inside the caller's transaction. ActivityService
 * writes through it; so do sign-up and the seed, which run outside the Nest context.
 * `createdAt`, for history written after the fact (the seed), defaults to now.
 */
export async function writeActivity(
  manager: EntityManager,
  by: ActivityAuthor,
  changes: readonly ChangeKind[],
  createdAt?: readonly (Date | string)[],
): Promise<void> {
  if (!changes.length) return;
  const params: unknown[] = [];
  await manager.query(activityInsertOf(by, changes, (value) => `$${params.push(value)}`, createdAt), params);
}

/**
 * The INSERT of one change as SQL text, for a write that does everything in one statement (a
 * data-modifying WITH item): `param` adds a value to that statement's parameters and names it.
 * With `from` (a WITH item's name), one row for each row of it: none when it has none.
 */
export function activityInsert(by: ActivityAuthor, change: ChangeKind, param: (value: unknown) => string, from?: string): string {
  return activityInsertOf(by, [change], param, undefined, from);
}

/**
 * The statement both write: each row keeps the commitment and agreement it concerns as they are
 * now, what changeConcerns reads from the change completed with a figure's commitment (an
 * observation names only the figure) and a commitment's agreement (the tables as they were before
 * the statement: a commitment's agreement does not change). Migration 1765110000000 backfilled
 * older rows alike.
 */
function activityInsertOf(
  by: ActivityAuthor, changes: readonly ChangeKind[], param: (value: unknown) => string,
  createdAt?: readonly (Date | string)[], from?: string,
): string {
  const concerns = changes.map(changeConcerns);
  const ws = param(by.workspaceId);
  const column = (values: unknown[], type: string) => `${param(values)}::${type}[]`;
  return `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
     SELECT ${ws}::uuid, ${param(by.actor.type)}::text, ${param(by.actor.id)}::uuid, ${param(by.actor.label)}::text,
       e.verb, e.subject_type, e.subject_id, e.before, e.after, COALESCE(e.created_at, now()), concerned.id, COALESCE(concerned.agreement_id, e.agreement_id)
     FROM ${from ? `${from}, ` : ''}unnest(${[
       column(changes.map((c) => c.verb), 'text'), column(changes.map((c) => c.subjectType), 'text'), column(changes.map((c) => c.subjectId), 'uuid'),
       column(changes.map((c) => json(c.before)), 'jsonb'), column(changes.map((c) => json(c.after)), 'jsonb'),
       column(changes.map((_, i) => createdAt?.[i] ?? null), 'timestamptz'),
       column(concerns.map((c) => c.commitmentId), 'uuid'), column(concerns.map((c) => c.agreementId), 'uuid'),
     ].join(', ')}) WITH ORDINALITY AS e(verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id, n)
     LEFT JOIN indicators figure ON e.commitment_id IS NULL AND e.subject_type = 'Indicator' AND figure.id = e.subject_id AND figure.workspace_id = ${ws}::uuid
     LEFT JOIN commitments concerned ON concerned.id = COALESCE(e.commitment_id, figure.commitment_id) AND concerned.workspace_id = ${ws}::uuid
     ORDER BY e.n`;
}
