import { useMutation } from 'urql';
import type { UpdateEvidenceInput } from '../../../gql/graphql';
import { ArchiveEvidenceMutation, DetachEvidenceMutation, UpdateEvidenceMutation } from '../graphql/evidence.mutations';

export function useDetachEvidence() {
  const [state, execute] = useMutation(DetachEvidenceMutation);
  return { detachEvidence: (commitmentId: string, evidenceId: string) => execute({ input: { commitmentId, evidenceId } }), fetching: state.fetching };
}

export function useArchiveEvidence() {
  const [state, execute] = useMutation(ArchiveEvidenceMutation);
  return { archiveEvidence: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}

export function useUpdateEvidence() {
  const [state, execute] = useMutation(UpdateEvidenceMutation);
  return { updateEvidence: (input: UpdateEvidenceInput) => execute({ input }), fetching: state.fetching };
}
