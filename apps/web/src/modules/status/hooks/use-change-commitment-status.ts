import { useMutation } from 'urql';
import type { ChangeCommitmentStatusInput, RecordProgressInput } from '../../../gql/graphql';
import { ChangeCommitmentStatusMutation, RecordProgressMutation } from '../graphql/change-commitment-status.mutation';

export function useChangeCommitmentStatus() {
  const [state, execute] = useMutation(ChangeCommitmentStatusMutation);
  const changeStatus = (input: ChangeCommitmentStatusInput) => execute({ input });
  return { changeStatus, fetching: state.fetching };
}

export function useRecordProgress() {
  const [state, execute] = useMutation(RecordProgressMutation);
  const recordProgress = (input: RecordProgressInput) => execute({ input });
  return { recordProgress, fetching: state.fetching };
}
