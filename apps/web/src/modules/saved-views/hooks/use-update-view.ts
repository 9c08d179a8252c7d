import { useMutation } from 'urql';
import type { UpdateViewInput } from '../../../gql/graphql';
import { UpdateViewMutation } from '../graphql/saved-views.operations';

export function useUpdateView() {
  const [state, execute] = useMutation(UpdateViewMutation);
  const updateView = (input: UpdateViewInput) => execute({ input });
  return { updateView, fetching: state.fetching };
}
