import { useMutation } from 'urql';
import type { CreateCommitmentInput, UpdateCommitmentInput } from '../../../gql/graphql';
import { CreateCommitmentMutation, UpdateCommitmentMutation } from '../graphql/commitment.mutations';

export function useCreateCommitment() {
  const [state, execute] = useMutation(CreateCommitmentMutation);
  return { createCommitment: (input: CreateCommitmentInput) => execute({ input }), fetching: state.fetching };
}

export function useUpdateCommitment() {
  const [state, execute] = useMutation(UpdateCommitmentMutation);
  return { updateCommitment: (input: UpdateCommitmentInput) => execute({ input }), fetching: state.fetching };
}
