import { useQuery } from 'urql';
import { DigestRecipientsQuery } from '../graphql/digests.operations';

const CONTEXT = { additionalTypenames: ['DigestSubscription'] };

/** Outside recipients of digests; paused for those who may not manage them. */
export function useDigestRecipients(allowed: boolean) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DigestRecipientsQuery, pause: !allowed, context: CONTEXT, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { recipients: data?.digestRecipients, error, fetching, refresh };
}
