import { useMutation } from 'urql';
import type { SetOrganizationArchivedInput } from '../../../gql/graphql';
import { SetOrganizationArchivedMutation } from '../graphql/reference-data.operations';

/** Archives or restores an organization. */
export function useSetOrganizationArchived() {
  const [state, execute] = useMutation(SetOrganizationArchivedMutation);
  const setOrganizationArchived = (input: SetOrganizationArchivedInput) => execute({ input });
  return { setOrganizationArchived, fetching: state.fetching, error: state.error };
}
