import { useMutation } from 'urql';
import type { SignUpInput } from '../../../gql/graphql';
import { SignUpMutation } from '../graphql/account.mutations';

export function useSignUp() {
  const [state, execute] = useMutation(SignUpMutation);
  const signUp = (input: SignUpInput) => execute({ input });
  return { signUp, fetching: state.fetching, error: state.error };
}
