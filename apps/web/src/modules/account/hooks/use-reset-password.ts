import { useMutation } from 'urql';
import { ResetPasswordMutation } from '../graphql/account.mutations';

export function useResetPassword() {
  const [state, execute] = useMutation(ResetPasswordMutation);
  const resetPassword = (token: string, newPassword: string) => execute({ input: { token, newPassword } });
  return { resetPassword, fetching: state.fetching, error: state.error };
}
