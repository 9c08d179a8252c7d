import { useMutation } from 'urql';
import type { UpdateEvidenceInput } from '../../../gql/graphql';
import { ArchiveEvidenceMutation, DetachEvidenceMutation, UpdateEvidenceMutation } from '../graphql/evidence.mutations';

export function useDetachEvidence() {
  const [state, execute] = useMutation(DetachEvidenceMutation);
  /** Takes the source off one commitment or one agreement. */
  return {
    detachEvidence: (subject: { commitmentId: string } | { agreementId: string }, evidenceId: string) => execute({ input: { ...subject, evidenceId } }),
    fetching: state.fetching,
  };
}

export function useArchiveEvidence() {
  const [state, execute] = useMutation(ArchiveEvidenceMutation);
  return { archiveEvidence: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}

export function useUpdateEvidence() {
  const [state, execute] = useMutation(UpdateEvidenceMutation);
  return { updateEvidence: (input: UpdateEvidenceInput) => execute({ input }), fetching: state.fetching };
}
