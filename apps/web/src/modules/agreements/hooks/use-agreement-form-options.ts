import { useQuery } from 'urql';
import { AgreementFormOptionsQuery } from '../graphql/agreement.mutations';

/** The parties and people the agreement form offers. */
export function useAgreementFormOptions() {
  const [{ data, error }] = useQuery({ query: AgreementFormOptionsQuery });
  return { parties: data?.parties ?? [], people: data?.people ?? [], error };
}
