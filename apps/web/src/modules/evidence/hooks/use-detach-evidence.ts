import { useMutation } from 'urql';
import { ArchiveEvidenceMutation, DetachEvidenceMutation } from '../graphql/evidence.mutations';

export function useDetachEvidence() {
  const [state, execute] = useMutation(DetachEvidenceMutation);
  return { detachEvidence: (commitmentId: string, evidenceId: string) => execute({ input: { commitmentId, evidenceId } }), fetching: state.fetching };
}

export function useArchiveEvidence() {
  const [state, execute] = useMutation(ArchiveEvidenceMutation);
  return { archiveEvidence: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}
