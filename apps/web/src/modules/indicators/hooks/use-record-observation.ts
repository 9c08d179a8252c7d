import { useMutation } from 'urql';
import type { RecordObservationInput } from '../../../gql/graphql';
import { RecordObservationMutation } from '../graphql/indicator.mutations';

export function useRecordObservation() {
  const [state, execute] = useMutation(RecordObservationMutation);
  const recordObservation = (input: RecordObservationInput) => execute({ input });
  return { recordObservation, fetching: state.fetching, error: state.error };
}
