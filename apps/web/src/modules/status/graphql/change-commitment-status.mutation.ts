import { graphql } from '../../../gql';

export const ChangeCommitmentStatusMutation = graphql(`
  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {
    changeCommitmentStatus(input: $input) {
      commitment { id status version overdue updatedAt }
      statusChange { id to note occurredOn createdAt }
    }
  }
`);
