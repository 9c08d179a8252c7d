import { useMutation } from 'urql';
import type { UpdateOrganizationInput } from '../../../gql/graphql';
import { UpdateOrganizationMutation } from '../graphql/reference-data.operations';

export function useUpdateOrganization() {
  const [state, execute] = useMutation(UpdateOrganizationMutation);
  const updateOrganization = (input: UpdateOrganizationInput) => execute({ input });
  return { updateOrganization, fetching: state.fetching, error: state.error };
}
