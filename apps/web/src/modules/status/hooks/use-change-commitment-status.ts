import { useMutation } from 'urql';
import type { ChangeCommitmentStatusInput } from '../../../gql/graphql';
import { ChangeCommitmentStatusMutation } from '../graphql/change-commitment-status.mutation';

export function useChangeCommitmentStatus() {
  const [state, execute] = useMutation(ChangeCommitmentStatusMutation);
  const changeStatus = (input: ChangeCommitmentStatusInput) => execute({ input });
  return { changeStatus, fetching: state.fetching };
}
