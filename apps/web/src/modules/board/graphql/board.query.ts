import { graphql } from '../../../gql';

/** One card of the board: enough to recognise the commitment, and the version a move starts from. */
export const BoardCardFragment = graphql(`
  fragment BoardCard on Commitment {
    id title status overdue dueOn version agreement { id title } assignees { id name }
  }
`);

/** One column: the list's own `commitments` query and filter, narrowed to one status. */
export const BoardColumnQuery = graphql(`
  query BoardColumn($first: Int!, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { node { ...BoardCard } }
    }
  }
`);

/** What the status dialog needs for a move: the version it starts from and the sources it may cite. */
export const BoardMoveQuery = graphql(`
  query BoardMove($id: ID!) {
    commitment(id: $id) {
      id title status dueOn priority version
      evidence(first: 100) { edges { node { id title stance } } }
    }
  }
`);
