import { useQuery } from 'urql';
import { MyWatchesQuery } from '../graphql/watches.operations';

// An empty list names no type, so the cache is told which mutations make this answer stale.
const CONTEXT = { additionalTypenames: ['Watch'] };

/** What the signed-in member follows in their digests: commitments, agreements, parties, themes. */
export function useMyWatches() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyWatchesQuery, context: CONTEXT });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { watches: data?.me.watches, error, fetching, refresh };
}
