import { useMutation } from 'urql';
import { UnwatchMutation } from '../graphql/watches.operations';

export function useUnwatch() {
  const [state, execute] = useMutation(UnwatchMutation);
  // The answer names no Watch; say so, so the cached list of watches is read again.
  const unwatch = (watchId: string) => execute({ input: { watchId } }, { additionalTypenames: ['Watch'] });
  return { unwatch, fetching: state.fetching, error: state.error };
}
