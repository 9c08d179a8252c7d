import { useMutation } from 'urql';
import { RunDigestsMutation } from '../graphql/digests.operations';

export function useRunDigests() {
  const [state, execute] = useMutation(RunDigestsMutation);
  // A run writes deliveries and mail: the log and the outbox are read again after it.
  const runDigests = () => execute({}, { additionalTypenames: ['DigestDelivery', 'OutboxMessage', 'DigestPreview'] });
  return { runDigests, result: state.data?.runDigests, fetching: state.fetching, error: state.error };
}
