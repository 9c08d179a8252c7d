import { useMutation } from 'urql';
import type { CreateThemeInput } from '../../../gql/graphql';
import { CreateThemeMutation } from '../graphql/reference-data.operations';

export function useCreateTheme() {
  const [state, execute] = useMutation(CreateThemeMutation);
  const createTheme = (input: CreateThemeInput) => execute({ input });
  return { createTheme, fetching: state.fetching, error: state.error };
}
