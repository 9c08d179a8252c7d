import { useMutation } from 'urql';
import type { UpdateThemeInput } from '../../../gql/graphql';
import { UpdateThemeMutation } from '../graphql/reference-data.operations';

export function useUpdateTheme() {
  const [state, execute] = useMutation(UpdateThemeMutation);
  const updateTheme = (input: UpdateThemeInput) => execute({ input });
  return { updateTheme, fetching: state.fetching, error: state.error };
}
