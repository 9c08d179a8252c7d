import { useMutation } from 'urql';
import type { AddCountryPartyInput } from '../../../gql/graphql';
import { AddCountryPartyMutation } from '../graphql/reference-data.operations';

/** Adds a country from the list as a party of the workspace. */
export function useAddCountryParty() {
  const [state, execute] = useMutation(AddCountryPartyMutation);
  const addCountryParty = (input: AddCountryPartyInput) => execute({ input });
  return { addCountryParty, fetching: state.fetching, error: state.error };
}
