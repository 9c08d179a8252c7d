import { useMutation } from 'urql';
import type { CreateIndicatorInput } from '../../../gql/graphql';
import { CreateIndicatorMutation } from '../graphql/indicator.mutations';

export function useCreateIndicator() {
  const [state, execute] = useMutation(CreateIndicatorMutation);
  const createIndicator = (input: CreateIndicatorInput) => execute({ input });
  return { createIndicator, fetching: state.fetching, error: state.error };
}
