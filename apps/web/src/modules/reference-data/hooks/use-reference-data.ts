import { useQuery } from 'urql';
import { ReferenceDataQuery } from '../graphql/reference-data.operations';

/** Parties, organizations, people and themes of the workspace, archived ones included (marked). */
export function useReferenceData() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ReferenceDataQuery, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, fetching, refresh };
}
