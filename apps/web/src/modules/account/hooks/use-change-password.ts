import { useMutation } from 'urql';
import { ChangePasswordMutation } from '../graphql/account.mutations';

export function useChangePassword() {
  const [state, execute] = useMutation(ChangePasswordMutation);
  const changePassword = (currentPassword: string, newPassword: string) => execute({ input: { currentPassword, newPassword } });
  return { changePassword, fetching: state.fetching, error: state.error };
}
