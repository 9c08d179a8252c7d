import type { TFunction } from 'i18next';
import type { ActivityFieldsFragment } from '../../../gql/graphql';

type ActivityNode = ActivityFieldsFragment;

/** Activity rows carry before/after snapshots; this picks what a reader wants to see in one line. */
export function describeActivity(node: ActivityNode, t: TFunction): { title: string; summary: string; href: string | null } {
  const after = node.after ?? {};
  const before = node.before ?? {};
  // What it concerns: its title as the change wrote it, else as it is now (the API's subjectTitle:
  // a comment's commitment or agreement, a commitment whose edit left the title alone), else its
  // name (a theme, a party, a figure); only then the kind of thing it is.
  const title =
    [after.title, before.title, node.subjectTitle, after.name, before.name].find((v): v is string => typeof v === 'string' && v !== '') ??
    t(`subjects.${node.subjectType}`, { defaultValue: node.subjectType });
  // An assignment names the member (assigneeName: after on assigning, before on unassigning).
  const name = typeof after.assigneeName === 'string' ? after.assigneeName : typeof before.assigneeName === 'string' ? before.assigneeName : '';
  const verb = t(`activity.${node.verb.replace('.', '_')}`, { defaultValue: node.verb, name });
  const moved = typeof before.status === 'string' && typeof after.status === 'string' && before.status !== after.status;
  const summary = moved ? `${verb}: ${t(`status.${before.status}`)} → ${t(`status.${after.status}`)}` : verb;
  return { title, summary, href: hrefOf(node) };
}

/** The page of what changed: the commitment or agreement itself, or the one a source or comment is on. */
function hrefOf(node: ActivityNode): string | null {
  const after = node.after ?? {};
  if (node.subjectType === 'Commitment') return `/commitments/${node.subjectId}`;
  if (node.subjectType === 'Agreement') return `/agreements/${node.subjectId}`;
  if (node.subjectType === 'Comment' && typeof after.subjectId === 'string') {
    return after.subjectType === 'AGREEMENT' ? `/agreements/${after.subjectId}` : `/commitments/${after.subjectId}`;
  }
  if (node.subjectType === 'Evidence' && typeof after.commitmentId === 'string') return `/commitments/${after.commitmentId}`;
  return null;
}
