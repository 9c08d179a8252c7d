import type { TFunction } from 'i18next';
import type { ActivityFieldsFragment } from '../../../gql/graphql';

type ActivityNode = ActivityFieldsFragment;

/** Activity rows carry their change typed by its kind; this picks what a reader wants to see in one line. */
export function describeActivity(node: ActivityNode, t: TFunction): { title: string; summary: string; href: string | null } {
  const { change } = node;
  // What it concerns: its title (or name) as the change wrote it, else as it is now (the API's
  // subjectTitle: a comment's commitment or agreement, a commitment whose edit left the title
  // alone); only then the kind of thing it is.
  const title =
    [change.title, node.subjectTitle].find((v): v is string => typeof v === 'string' && v !== '') ??
    t(`subjects.${node.subjectType}`, { defaultValue: node.subjectType });
  // An assignment names the member (assigned or unassigned).
  const name = change.__typename === 'CommitmentAssignmentChange' ? change.assigneeName : '';
  const verb = t(`activity.${node.verb.replace('.', '_')}`, { defaultValue: node.verb, name });
  const summary =
    change.__typename === 'CommitmentStatusChange' && change.fromStatus && change.fromStatus !== change.toStatus
      ? `${verb}: ${t(`status.${change.fromStatus}`)} → ${t(`status.${change.toStatus}`)}`
      : verb;
  return { title, summary, href: hrefOf(node) };
}

/** The page of what changed: the commitment or agreement it concerns (itself, or the one a source, comment or figure is on). */
function hrefOf(node: ActivityNode): string | null {
  if (node.commitmentId) return `/commitments/${node.commitmentId}`;
  if (node.agreementId) return `/agreements/${node.agreementId}`;
  return null;
}
