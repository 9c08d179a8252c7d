import { useQuery } from 'urql';
import { MembersQuery } from '../graphql/members.queries';

/** The workspace's members; paused for those who may not manage them. */
export function useMembers(allowed: boolean) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MembersQuery, pause: !allowed, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
