import { useMutation } from 'urql';
import { ArchiveAgreementMutation, RestoreAgreementMutation } from '../graphql/agreement.mutations';

export function useArchiveAgreement() {
  const [state, execute] = useMutation(ArchiveAgreementMutation);
  return { archiveAgreement: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}

export function useRestoreAgreement() {
  const [state, execute] = useMutation(RestoreAgreementMutation);
  return { restoreAgreement: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }), fetching: state.fetching };
}
