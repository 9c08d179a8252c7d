import { graphql } from '../../../gql';

export const AssignCommitmentMutation = graphql(`
  mutation AssignCommitment($input: AssignCommitmentInput!) {
    assignCommitment(input: $input) { changed commitment { id assignees { id name } } }
  }
`);

export const UnassignCommitmentMutation = graphql(`
  mutation UnassignCommitment($input: UnassignCommitmentInput!) {
    unassignCommitment(input: $input) { changed commitment { id assignees { id name } } }
  }
`);

/** The members one can assign (or filter the list by). */
export const AssigneeOptionsQuery = graphql(`
  query AssigneeOptions {
    members { user { id name } }
  }
`);

export const MyWorkItemFragment = graphql(`
  fragment MyWorkItem on Commitment {
    id title status dueOn overdue priority
    agreement { id title }
  }
`);

/** The caller's assignments, soonest due first (those without a date last). */
export const MyWorkQuery = graphql(`
  query MyWork($first: Int!) {
    commitments(first: $first, filter: { assignedToMe: true }, orderBy: { field: DUE_ON, direction: ASC }) {
      totalCount
      edges { node { ...MyWorkItem } }
    }
  }
`);
