import { useQuery } from 'urql';
import { AgreementListQuery } from '../graphql/agreement.queries';

/** Agreements are few: one page of 100 covers most workspaces; `after` continues from there. */
export function useFindAgreements(search: string, after: string | null) {
  const [{ data, error, fetching }] = useQuery({
    query: AgreementListQuery,
    variables: { first: 100, after, filter: search ? { search } : null },
    requestPolicy: 'cache-and-network',
  });
  return { page: data?.agreements, error, fetching };
}
