import { useMutation } from 'urql';
import type { UpdatePersonInput } from '../../../gql/graphql';
import { UpdatePersonMutation } from '../graphql/reference-data.operations';

export function useUpdatePerson() {
  const [state, execute] = useMutation(UpdatePersonMutation);
  const updatePerson = (input: UpdatePersonInput) => execute({ input });
  return { updatePerson, fetching: state.fetching, error: state.error };
}
