import { useQuery } from 'urql';
import { CommitmentFilterOptionsQuery } from '../graphql/commitment-list.queries';

/** The parties, themes, owners and agreements the list can be filtered by. */
export function useCommitmentFilterOptions() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CommitmentFilterOptionsQuery });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
