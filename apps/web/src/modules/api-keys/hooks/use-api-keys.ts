import { useQuery } from 'urql';
import { ApiKeysQuery } from '../graphql/api-keys.operations';

/** The workspace's API keys; paused for those who may not manage them. */
export function useApiKeys(allowed: boolean) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApiKeysQuery, pause: !allowed, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
