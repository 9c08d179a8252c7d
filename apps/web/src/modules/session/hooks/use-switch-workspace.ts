import { useMutation } from 'urql';
import { SwitchWorkspaceMutation } from '../graphql/session.mutations';
import { useSession } from './use-session';

export function useSwitchWorkspace() {
  const { restart } = useSession();
  const [state, execute] = useMutation(SwitchWorkspaceMutation);
  const switchWorkspace = async (workspaceId: string) => {
    const result = await execute({ input: { workspaceId } });
    if (!result.error) restart();
    return result;
  };
  return { switchWorkspace, fetching: state.fetching, error: state.error };
}
