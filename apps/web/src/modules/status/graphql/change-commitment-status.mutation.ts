import { graphql } from '../../../gql';

export const ChangeCommitmentStatusMutation = graphql(`
  mutation ChangeCommitmentStatus($input: ChangeCommitmentStatusInput!) {
    changeCommitmentStatus(input: $input) {
      commitment { id status version overdue updatedAt }
      statusChange { id to note occurredOn createdAt }
    }
  }
`);

/** A progress note with its sources, without a move (the status dialog's "no change" choice). */
export const RecordProgressMutation = graphql(`
  mutation RecordProgress($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      commitment { id status version updatedAt }
      progress { id kind to note occurredOn createdAt }
    }
  }
`);
