import { useQuery } from 'urql';
import { AgreementQuery } from '../graphql/agreement.queries';

/** One agreement with its commitments, sources and their history. */
export function useAgreement(id: string) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AgreementQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
