import { useMutation } from 'urql';
import type { CreateOrganizationInput } from '../../../gql/graphql';
import { CreateOrganizationMutation } from '../graphql/reference-data.operations';

export function useCreateOrganization() {
  const [state, execute] = useMutation(CreateOrganizationMutation);
  const createOrganization = (input: CreateOrganizationInput) => execute({ input });
  return { createOrganization, fetching: state.fetching, error: state.error };
}
