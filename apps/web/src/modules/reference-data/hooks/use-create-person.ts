import { useMutation } from 'urql';
import type { CreatePersonInput } from '../../../gql/graphql';
import { CreatePersonMutation } from '../graphql/reference-data.operations';

export function useCreatePerson() {
  const [state, execute] = useMutation(CreatePersonMutation);
  const createPerson = (input: CreatePersonInput) => execute({ input });
  return { createPerson, fetching: state.fetching, error: state.error };
}
