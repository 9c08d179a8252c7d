import { useMutation } from 'urql';
import type { SetPersonArchivedInput } from '../../../gql/graphql';
import { SetPersonArchivedMutation } from '../graphql/reference-data.operations';

/** Archives or restores a person. */
export function useSetPersonArchived() {
  const [state, execute] = useMutation(SetPersonArchivedMutation);
  const setPersonArchived = (input: SetPersonArchivedInput) => execute({ input });
  return { setPersonArchived, fetching: state.fetching, error: state.error };
}
