import { graphql } from '../../../gql';

/**
 * One entry of the change feed, as the dashboard lists it and the live feed delivers it: what it
 * concerns (commitmentId, agreementId) and the change typed by its kind, never its raw JSON.
 */
export const ActivityFieldsFragment = graphql(`
  fragment ActivityFields on Activity {
    id verb subjectType subjectId subjectTitle actorLabel commitmentId agreementId createdAt
    change {
      __typename title version
      ... on CommitmentStatusChange { fromStatus toStatus }
      ... on CommitmentAssignmentChange { assigneeName }
      ... on CommentChange { onId }
    }
  }
`);
