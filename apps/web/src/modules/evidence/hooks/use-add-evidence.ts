import { useMutation } from 'urql';
import type { AddEvidenceInput } from '../../../gql/graphql';
import { AddEvidenceMutation } from '../graphql/add-evidence.mutation';

export function useAddEvidence() {
  const [state, execute] = useMutation(AddEvidenceMutation);
  const addEvidence = (input: AddEvidenceInput) => execute({ input });
  return { addEvidence, fetching: state.fetching, error: state.error };
}
