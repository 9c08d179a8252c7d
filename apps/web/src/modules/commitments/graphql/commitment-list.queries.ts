import { graphql } from '../../../gql';

export const CommitmentListQuery = graphql(`
  query CommitmentList($first: Int!, $after: String, $filter: CommitmentFilter, $orderBy: CommitmentOrder) {
    commitments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id title status overdue dueOn priority parties { code } owner { id acronym } themes { slug name } }
      }
    }
  }
`);

export const CommitmentFilterOptionsQuery = graphql(`
  query CommitmentFilterOptions {
    parties { id code name }
    themes { id slug name }
    organizations { id acronym name }
    agreements(first: 100) { edges { node { id title } } }
  }
`);
