import { CommitmentStatus } from '@pactwatch/domain';
import type { StatusCountGroupFieldsFragment } from '../../../gql/graphql';

export interface BreakdownGroup {
  key: string;
  label: string;
}

export type StatusCounts = Record<CommitmentStatus, number>;

export interface BreakdownRow {
  group: BreakdownGroup;
  counts: StatusCounts;
}

/**
 * One row per group (party or theme), in the order given, with the server's counts by status
 * (commitmentStatusCounts); a group the server did not list has no commitment: zeros.
 */
export function breakdownRows(groups: readonly BreakdownGroup[], counted: readonly StatusCountGroupFieldsFragment[]): BreakdownRow[] {
  const byKey = new Map(counted.map((g) => [g.key, g]));
  return groups.map((group) => {
    const counts = Object.fromEntries(Object.values(CommitmentStatus).map((s) => [s, 0])) as StatusCounts;
    for (const c of byKey.get(group.key)?.counts ?? []) counts[c.status as CommitmentStatus] = c.count;
    return { group, counts };
  });
}
