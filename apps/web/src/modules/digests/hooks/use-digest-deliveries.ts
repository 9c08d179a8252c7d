import { useQuery } from 'urql';
import { DigestDeliveriesQuery } from '../graphql/digests.operations';

const CONTEXT = { additionalTypenames: ['DigestDelivery'] };

/** The delivery log of this workspace, newest first. */
export function useDigestDeliveries(allowed: boolean, first = 50) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DigestDeliveriesQuery, variables: { first }, pause: !allowed, context: CONTEXT, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { deliveries: data?.digestDeliveries, error, fetching, refresh };
}
