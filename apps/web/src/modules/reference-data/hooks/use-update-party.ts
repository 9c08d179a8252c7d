import { useMutation } from 'urql';
import type { UpdatePartyInput } from '../../../gql/graphql';
import { UpdatePartyMutation } from '../graphql/reference-data.operations';

/** Renames a party, with the version it was read at. */
export function useUpdateParty() {
  const [state, execute] = useMutation(UpdatePartyMutation);
  const updateParty = (input: UpdatePartyInput) => execute({ input });
  return { updateParty, fetching: state.fetching, error: state.error };
}
