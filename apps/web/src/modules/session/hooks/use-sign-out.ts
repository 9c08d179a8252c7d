import { useMutation } from 'urql';
import { SignOutMutation } from '../graphql/session.mutations';
import { useSession } from './use-session';

export function useSignOut() {
  const { restart } = useSession();
  const [state, execute] = useMutation(SignOutMutation);
  const signOut = async () => {
    await execute({});
    // Even if the server could not be told, drop everything this browser knew of the session.
    restart();
  };
  return { signOut, fetching: state.fetching };
}
