import { useQuery } from 'urql';
import { InvitationsQuery } from '../graphql/members.queries';

/** The workspace's invitations; paused for those who may not manage them. */
export function useInvitations(allowed: boolean) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: InvitationsQuery, pause: !allowed, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
