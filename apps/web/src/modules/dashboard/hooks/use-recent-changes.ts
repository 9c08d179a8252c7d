import { useMemo, useState } from 'react';
import type { ActivityFieldsFragment } from '../../../gql/graphql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { newestActivity } from '../newest-activity';

/**
 * The newest entries of the workspace's change feed, as the dashboard's request read them
 * (`loaded`, null while it loads), with each new change added as it happens.
 */
export function useRecentChanges(loaded: readonly ActivityFieldsFragment[] | null, first = 15) {
  const [arrived, setArrived] = useState<ActivityFieldsFragment[]>([]);
  useActivityFeed((activity) => setArrived((list) => newestActivity([activity], list, first)));
  return useMemo(() => (loaded ? newestActivity(arrived, [...loaded], first) : null), [arrived, loaded, first]);
}
