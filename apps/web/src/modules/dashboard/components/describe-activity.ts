import type { TFunction } from 'i18next';
import type { RecentActivityQuery } from '../../../gql/graphql';

type ActivityNode = RecentActivityQuery['activity']['edges'][number]['node'];

/** Activity rows carry before/after snapshots; this picks what a reader wants to see in one line. */
export function describeActivity(node: ActivityNode, t: TFunction): { title: string; summary: string; href: string | null } {
  const after = node.after ?? {};
  const before = node.before ?? {};
  const title = typeof after.title === 'string' ? after.title : typeof before.title === 'string' ? before.title : t(`subjects.${node.subjectType}`, { defaultValue: node.subjectType });
  const verb = t(`activity.${node.verb.replace('.', '_')}`, { defaultValue: node.verb });
  const moved = typeof before.status === 'string' && typeof after.status === 'string' && before.status !== after.status;
  const summary = moved ? `${verb}: ${t(`status.${before.status}`)} → ${t(`status.${after.status}`)}` : verb;
  const href =
    node.subjectType === 'Commitment' ? `/commitments/${node.subjectId}` : node.subjectType === 'Agreement' ? `/agreements/${node.subjectId}` : null;
  return { title, summary, href };
}
