import { useQuery } from 'urql';
import { MeQuery } from '../graphql/me.query';

/** Who is signed in, where, allowed to do what; always asked of the server, never of the cache. */
export function useWhoAmI() {
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  return { me: data?.me, error, fetching };
}
