import { useMutation } from 'urql';
import { ArchiveCommitmentMutation, RestoreCommitmentMutation } from '../graphql/commitment.mutations';

export function useArchiveCommitment() {
  const [state, execute] = useMutation(ArchiveCommitmentMutation);
  return { archiveCommitment: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}

export function useRestoreCommitment() {
  const [state, execute] = useMutation(RestoreCommitmentMutation);
  return { restoreCommitment: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}
