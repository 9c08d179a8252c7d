import { useMutation } from 'urql';
import { RequestPasswordResetMutation } from '../graphql/account.mutations';

export function useRequestPasswordReset() {
  const [state, execute] = useMutation(RequestPasswordResetMutation);
  const requestPasswordReset = (email: string, locale: string) => execute({ input: { email: email.trim(), locale } });
  return { requestPasswordReset, fetching: state.fetching, error: state.error };
}
