import { useQuery } from 'urql';
import { DigestPreviewQuery } from '../graphql/digests.operations';

/** Your next digest as it would be sent now. */
export function useDigestPreview() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: DigestPreviewQuery, requestPolicy: 'network-only' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { preview: data?.digestPreview, error, fetching, refresh };
}
