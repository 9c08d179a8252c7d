import { useMutation } from 'urql';
import type { UpdateProfileInput } from '../../../gql/graphql';
import { UpdateProfileMutation } from '../graphql/account.mutations';

export function useUpdateProfile() {
  const [state, execute] = useMutation(UpdateProfileMutation);
  const updateProfile = (input: UpdateProfileInput) => execute({ input });
  return { updateProfile, fetching: state.fetching, error: state.error };
}
