import { graphql } from '../../../gql';

export const AgreementListQuery = graphql(`
  query AgreementList($first: Int!, $after: String, $filter: AgreementFilter) {
    agreements(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title kind heldOn signedOn place
          parties { code name }
          commitments(first: 1) { totalCount }
        }
      }
    }
  }
`);

export const AgreementQuery = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
      id title kind heldOn signedOn inForceOn place summary version createdAt archived updatedAt
      parties { code name }
      participants { id name title organization { acronym } }
      sources { id title url publisher publishedOn kind stance addedBy createdAt version archiveUrl linkCheck { state statusCode checkedAt } }
      commitments(first: 100) {
        totalCount
        edges {
          node {
            id title status overdue dueOn
            parties { code }
            statusHistory(first: 20) { edges { node { id from to note actor occurredOn createdAt } } }
          }
        }
      }
    }
  }
`);
