import { useQuery } from 'urql';
import { RecentActivityQuery } from '../graphql/dashboard.queries';

/** The newest entries of the workspace's change feed. */
export function useRecentChanges(first = 15) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: RecentActivityQuery, variables: { first }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
