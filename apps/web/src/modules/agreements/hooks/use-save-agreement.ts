import { useMutation } from 'urql';
import type { CreateAgreementInput, UpdateAgreementInput } from '../../../gql/graphql';
import { CreateAgreementMutation, UpdateAgreementMutation } from '../graphql/agreement.mutations';

export function useCreateAgreement() {
  const [state, execute] = useMutation(CreateAgreementMutation);
  return { createAgreement: (input: CreateAgreementInput) => execute({ input }), fetching: state.fetching };
}

export function useUpdateAgreement() {
  const [state, execute] = useMutation(UpdateAgreementMutation);
  return { updateAgreement: (input: UpdateAgreementInput) => execute({ input }), fetching: state.fetching };
}
