import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { RecentActivityQuery } from '../graphql/dashboard.queries';
import { newestActivity } from '../newest-activity';

/** The newest entries of the workspace's change feed, with each new change added as it happens. */
export function useRecentChanges(first = 15) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: RecentActivityQuery, variables: { first }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const [arrived, setArrived] = useState<ActivityFieldsFragment[]>([]);
  useActivityFeed((activity) => setArrived((list) => newestActivity([activity], list, first)));
  const entries = useMemo(() => (data ? newestActivity(arrived, data.activity.edges.map((e) => e.node), first) : null), [arrived, data, first]);
  return { entries, error, fetching, refresh };
}
