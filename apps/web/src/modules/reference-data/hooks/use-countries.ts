import { useQuery } from 'urql';
import { CountriesQuery } from '../graphql/reference-data.operations';

/** Every ISO 3166-1 country with its names, and the workspace's party for those added. */
export function useCountries() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CountriesQuery, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { countries: data?.countries, error, fetching, refresh };
}
