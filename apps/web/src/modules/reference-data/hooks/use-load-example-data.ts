import { useMutation } from 'urql';
import { LoadExampleDataMutation } from '../graphql/reference-data.operations';

/** Loads the US–Mexico example into an empty workspace (owners only). */
export function useLoadExampleData() {
  const [state, execute] = useMutation(LoadExampleDataMutation);
  const loadExampleData = () => execute({});
  return { loadExampleData, fetching: state.fetching, error: state.error };
}
