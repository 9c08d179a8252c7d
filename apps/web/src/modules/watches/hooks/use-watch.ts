import { useMutation } from 'urql';
import type { WatchInput } from '../../../gql/graphql';
import { WatchMutation } from '../graphql/watches.operations';

export function useWatch() {
  const [state, execute] = useMutation(WatchMutation);
  const watch = (input: WatchInput) => execute({ input });
  return { watch, fetching: state.fetching, error: state.error };
}
