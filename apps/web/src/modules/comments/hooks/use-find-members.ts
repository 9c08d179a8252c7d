import { useQuery } from 'urql';
import { MemberSearchQuery } from '../graphql/comments.operations';

/** Members whose name or email starts with what was typed after "@"; paused while no mention is being typed. */
export function useFindMembers(query: string | null, first = 8) {
  const [{ data, error, fetching }] = useQuery({ query: MemberSearchQuery, variables: { query: query ?? '', first }, pause: query === null });
  return { members: query === null ? undefined : data?.memberSearch, error, fetching };
}
