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
 *
 * Each row keeps the commitment and agreement it concerns as they are now: what changeConcerns
 * reads from the change, completed here with a figure's commitment (an observation names only
 * the figure) and a commitment's agreement. Migration 1765110000000 backfilled older rows alike.
 */
export async function writeActivity(
  manager: EntityManager,
  by: ActivityAuthor,
  changes: readonly ChangeKind[],
  createdAt?: readonly (Date | string)[],
): Promise<void> {
  if (!changes.length) return;
  const concerns = changes.map(changeConcerns);
  await manager.query(
    `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id)
     SELECT $1, $2, $3, $4, e.verb, e.subject_type, e.subject_id, e.before, e.after, COALESCE(e.created_at, now()), c.id, COALESCE(c.agreement_id, e.agreement_id)
     FROM unnest($5::text[], $6::text[], $7::uuid[], $8::jsonb[], $9::jsonb[], $10::timestamptz[], $11::uuid[], $12::uuid[])
       WITH ORDINALITY AS e(verb, subject_type, subject_id, before, after, created_at, commitment_id, agreement_id, n)
     LEFT JOIN indicators i ON e.commitment_id IS NULL AND e.subject_type = 'Indicator' AND i.id = e.subject_id AND i.workspace_id = $1
     LEFT JOIN commitments c ON c.id = COALESCE(e.commitment_id, i.commitment_id) AND c.workspace_id = $1
     ORDER BY e.n`,
    [
      by.workspaceId, by.actor.type, by.actor.id, by.actor.label,
      changes.map((c) => c.verb), changes.map((c) => c.subjectType), changes.map((c) => c.subjectId),
      changes.map((c) => json(c.before)), changes.map((c) => json(c.after)), changes.map((_, i) => createdAt?.[i] ?? null),
      concerns.map((c) => c.commitmentId), concerns.map((c) => c.agreementId),
    ],
  );
}

/**
 * The INSERT of one change as SQL text, for a write that does everything in one statement (a
 * data-modifying WITH item): `param` adds a value to that statement's parameters and names it.
 * With `from` (a WITH item's name), one row for each row of it: none when it has none. It stores
 * what the change concerns as writeActivity does (the tables read as they were before the
 * statement: a commitment's agreement does not change).
 */
export function activityInsert(by: ActivityAuthor, change: ChangeKind, param: (value: unknown) => string, from?: string): string {
  const concerns = changeConcerns(change);
  const [ws, subjectType, subjectId, commitmentId] = [param(by.workspaceId), param(change.subjectType), param(change.subjectId), param(concerns.commitmentId)];
  const values = [
    `${ws}::uuid`, `${param(by.actor.type)}::text`, `${param(by.actor.id)}::uuid`, `${param(by.actor.label)}::text`, `${param(change.verb)}::text`,
    `${subjectType}::text`, `${subjectId}::uuid`, `${param(json(change.before))}::jsonb`, `${param(json(change.after))}::jsonb`,
  ];
  return `INSERT INTO activity (workspace_id, actor_type, actor_id, actor_label, verb, subject_type, subject_id, before, after, commitment_id, agreement_id)
       SELECT ${values.join(', ')}, concerned.id, COALESCE(concerned.agreement_id, ${param(concerns.agreementId)}::uuid)
       FROM ${from ?? '(VALUES (1)) AS one'}
       LEFT JOIN indicators figure ON ${commitmentId}::uuid IS NULL AND ${subjectType}::text = 'Indicator' AND figure.id = ${subjectId}::uuid AND figure.workspace_id = ${ws}::uuid
       LEFT JOIN commitments concerned ON concerned.id = COALESCE(${commitmentId}::uuid, figure.commitment_id) AND concerned.workspace_id = ${ws}::uuid`;
}
