import { useQuery } from 'urql';
import { CommitmentQuery } from '../graphql/commitment.query';

/** One commitment with its history, evidence, figures and links. */
export function useCommitment(id: string) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CommitmentQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
