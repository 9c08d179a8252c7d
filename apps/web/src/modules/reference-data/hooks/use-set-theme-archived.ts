import { useMutation } from 'urql';
import type { SetThemeArchivedInput } from '../../../gql/graphql';
import { SetThemeArchivedMutation } from '../graphql/reference-data.operations';

/** Archives or restores a theme. */
export function useSetThemeArchived() {
  const [state, execute] = useMutation(SetThemeArchivedMutation);
  const setThemeArchived = (input: SetThemeArchivedInput) => execute({ input });
  return { setThemeArchived, fetching: state.fetching, error: state.error };
}
