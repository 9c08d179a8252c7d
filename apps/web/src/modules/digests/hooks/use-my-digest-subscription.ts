import { useQuery } from 'urql';
import { MyDigestSubscriptionQuery } from '../graphql/digests.operations';

/** Your digest settings in this workspace (OFF until you choose, or first watch something). */
export function useMyDigestSubscription() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyDigestSubscriptionQuery, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { subscription: data?.myDigestSubscription, error, fetching, refresh };
}
