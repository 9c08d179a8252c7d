import { useMutation } from 'urql';
import { DeleteViewMutation } from '../graphql/saved-views.operations';

export function useDeleteView() {
  const [state, execute] = useMutation(DeleteViewMutation);
  const deleteView = (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } });
  return { deleteView, fetching: state.fetching };
}
