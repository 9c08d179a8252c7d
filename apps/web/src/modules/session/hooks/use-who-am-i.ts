import { useQuery } from 'urql';
import { MeQuery } from '../graphql/me.query';

/** Who is signed in, where, allowed to do what; always asked of the server, never of the cache. */
export function useWhoAmI() {
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const latestActivityId = data?.latestActivity.edges[0]?.node.id ?? null;
  return { me: data?.me, latestActivityId, error, fetching };
}
