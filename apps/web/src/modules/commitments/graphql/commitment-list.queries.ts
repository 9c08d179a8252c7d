import { graphql } from '../../../gql';

/** One row of the commitment list. */
export const CommitmentRowFragment = graphql(`
  fragment CommitmentRow on Commitment {
    id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name }
  }
`);

export const CommitmentListQuery = graphql(`
  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...CommitmentRow } }
    }
  }
`);

export const CommitmentFilterOptionsQuery = graphql(`
  query CommitmentFilterOptions {
    parties { id code name }
    themes { id slug name }
    organizations { id acronym name }
    agreements(first: 100) { edges { node { id title } } }
    members { user { id name } }
  }
`);

/** A row again, after someone changed it. */
export const CommitmentRowQuery = graphql(`
  query CommitmentRowAgain($id: ID!) {
    commitment(id: $id) { ...CommitmentRow }
  }
`);
