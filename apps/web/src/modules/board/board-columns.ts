import { CommitmentStatus } from '@pactwatch/domain';
import type { CommitmentFilter } from '../../gql/graphql';

/** The lifecycle, as libs/domain declares it: announced first, the settled outcomes last. */
export const LIFECYCLE: readonly CommitmentStatus[] = Object.values(CommitmentStatus);

/** Cards a column shows; past that it says how many more and links to the list of that status. */
export const COLUMN_SIZE = 50;

/** The columns for a filter: every status, or only those the filter asks for, in lifecycle order. */
export function boardColumns(statuses: readonly CommitmentStatus[]): CommitmentStatus[] {
  return statuses.length ? LIFECYCLE.filter((s) => statuses.includes(s)) : [...LIFECYCLE];
}

/**
 * Where a card may move. libs/domain lets any status follow any other (checkStatusChange refuses
 * only "already there"), so every other status, in lifecycle order; the dialog applies the rest.
 */
export function movesFrom(status: CommitmentStatus): CommitmentStatus[] {
  return LIFECYCLE.filter((s) => s !== status);
}

/** The list's filter for one column. */
export function columnFilter(filter: CommitmentFilter, status: CommitmentStatus): CommitmentFilter {
  return { ...filter, status: [status] };
}
