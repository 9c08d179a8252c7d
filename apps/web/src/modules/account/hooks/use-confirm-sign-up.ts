import { useMutation } from 'urql';
import { ConfirmSignUpMutation } from '../graphql/account.mutations';

export function useConfirmSignUp() {
  const [state, execute] = useMutation(ConfirmSignUpMutation);
  const confirmSignUp = (token: string) => execute({ input: { token } });
  return { confirmSignUp, fetching: state.fetching, error: state.error, data: state.data };
}
