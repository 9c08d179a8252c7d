import { useMutation } from 'urql';
import type { SetPartyArchivedInput } from '../../../gql/graphql';
import { SetPartyArchivedMutation } from '../graphql/reference-data.operations';

/** Archives or restores a party. */
export function useSetPartyArchived() {
  const [state, execute] = useMutation(SetPartyArchivedMutation);
  const setPartyArchived = (input: SetPartyArchivedInput) => execute({ input });
  return { setPartyArchived, fetching: state.fetching, error: state.error };
}
