import { useMutation } from 'urql';
import type { CreatePartyInput } from '../../../gql/graphql';
import { CreatePartyMutation } from '../graphql/reference-data.operations';

/** Adds a party that is not a country (EU, UNHCR). */
export function useCreateParty() {
  const [state, execute] = useMutation(CreatePartyMutation);
  const createParty = (input: CreatePartyInput) => execute({ input });
  return { createParty, fetching: state.fetching, error: state.error };
}
