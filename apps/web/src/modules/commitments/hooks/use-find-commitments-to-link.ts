import { useQuery } from 'urql';
import { CommitmentPickerQuery } from '../graphql/commitment.mutations';

/** Commitments whose words match what the analyst typed (nothing asked below two characters). */
export function useFindCommitmentsToLink(search: string) {
  const words = search.trim();
  const [{ data, fetching }] = useQuery({ query: CommitmentPickerQuery, variables: { search: words }, pause: words.length < 2 });
  return { found: words.length < 2 ? [] : (data?.commitments.edges.map((e) => e.node) ?? []), fetching };
}
