import { useMutation } from 'urql';
import { SignInMutation } from '../graphql/session.mutations';

export function useSignIn() {
  const [state, execute] = useMutation(SignInMutation);
  const signIn = (email: string, password: string) => execute({ input: { email: email.trim(), password } });
  return { signIn, fetching: state.fetching, error: state.error };
}
