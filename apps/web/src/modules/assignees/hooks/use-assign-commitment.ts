import { useMutation } from 'urql';
import { AssignCommitmentMutation, UnassignCommitmentMutation } from '../graphql/assignees.operations';

export function useAssignCommitment() {
  const [state, execute] = useMutation(AssignCommitmentMutation);
  return { assignCommitment: (commitmentId: string, userId: string) => execute({ input: { commitmentId, userId } }), fetching: state.fetching };
}

export function useUnassignCommitment() {
  const [state, execute] = useMutation(UnassignCommitmentMutation);
  return { unassignCommitment: (commitmentId: string, userId: string) => execute({ input: { commitmentId, userId } }), fetching: state.fetching };
}
