import { useQuery } from 'urql';
import { SavedViewsQuery } from '../graphql/saved-views.operations';

// An empty list names no type, so the cache is told which mutations make this answer stale.
const CONTEXT = { additionalTypenames: ['SavedView'] };

/** The views the signed-in person may use: shared ones and their own. */
export function useSavedViews() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SavedViewsQuery, context: CONTEXT });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { views: data?.savedViews, error, fetching, refresh };
}
