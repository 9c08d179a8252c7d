import { useQuery } from 'urql';
import { DashboardOverviewQuery } from '../graphql/dashboard.queries';

/** How many of the newest changes the dashboard lists. */
export const RECENT_CHANGES = 15;

/** Parties, themes, totals, overdue commitments, the status counts and the newest changes for the dashboard: one request. */
export function useDashboardOverview() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DashboardOverviewQuery, variables: { recent: RECENT_CHANGES }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here, or others' changes to what is counted.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
