import { graphql } from '../../../gql';

export const CreateCommitmentMutation = graphql(`
  mutation CreateCommitment($input: CreateCommitmentInput!) {
    createCommitment(input: $input) { commitment { id version } }
  }
`);

export const UpdateCommitmentMutation = graphql(`
  mutation UpdateCommitment($input: UpdateCommitmentInput!) {
    updateCommitment(input: $input) { commitment { id version title description sourceQuote dueOn priority updatedAt } }
  }
`);

export const ArchiveCommitmentMutation = graphql(`
  mutation ArchiveCommitment($input: ArchiveCommitmentInput!) {
    archiveCommitment(input: $input) { commitment { id version archived } }
  }
`);

export const RestoreCommitmentMutation = graphql(`
  mutation RestoreCommitment($input: RestoreCommitmentInput!) {
    restoreCommitment(input: $input) { commitment { id version archived } }
  }
`);

export const LinkCommitmentsMutation = graphql(`
  mutation LinkCommitments($input: LinkCommitmentsInput!) {
    linkCommitments(input: $input) { link { id kind direction } from { id } to { id } }
  }
`);

export const UnlinkCommitmentsMutation = graphql(`
  mutation UnlinkCommitments($input: UnlinkCommitmentsInput!) {
    unlinkCommitments(input: $input) { removedLinkId from { id } to { id } }
  }
`);

/** The agreements, parties, owners, people and themes a commitment can name. */
export const CommitmentFormOptionsQuery = graphql(`
  query CommitmentFormOptions {
    agreements(first: 100) { edges { node { id title parties { code name } } } }
    organizations { id acronym name }
    people { id name title }
    themes { id slug name }
  }
`);

/** Commitments whose title (or text) matches, for the link picker. */
export const CommitmentPickerQuery = graphql(`
  query CommitmentPicker($search: String!) {
    commitments(first: 10, filter: { search: $search }) { edges { node { id title status } } }
  }
`);
