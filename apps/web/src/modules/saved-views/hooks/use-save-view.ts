import { useMutation } from 'urql';
import type { SaveViewInput } from '../../../gql/graphql';
import { SaveViewMutation } from '../graphql/saved-views.operations';

export function useSaveView() {
  const [state, execute] = useMutation(SaveViewMutation);
  const saveView = (input: SaveViewInput) => execute({ input });
  return { saveView, fetching: state.fetching };
}
