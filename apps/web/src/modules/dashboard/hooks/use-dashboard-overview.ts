import { useQuery } from 'urql';
import { DashboardOverviewQuery } from '../graphql/dashboard.queries';

/** Parties, themes, totals and overdue commitments for the dashboard. */
export function useDashboardOverview() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DashboardOverviewQuery, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
