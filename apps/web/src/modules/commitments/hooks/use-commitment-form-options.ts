import { useQuery } from 'urql';
import { CommitmentFormOptionsQuery } from '../graphql/commitment.mutations';

/** The agreements, owners, people and themes the commitment form offers. */
export function useCommitmentFormOptions() {
  const [{ data, error }] = useQuery({ query: CommitmentFormOptionsQuery });
  return {
    agreements: data?.agreements.edges.map((e) => e.node) ?? [],
    organizations: data?.organizations ?? [],
    people: data?.people ?? [],
    themes: data?.themes ?? [],
    error,
  };
}
