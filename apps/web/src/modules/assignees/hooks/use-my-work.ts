import { useQuery } from 'urql';
import { PAGE_SIZE_MAX } from '@pactwatch/domain';
import { MyWorkQuery } from '../graphql/assignees.operations';

/** What is assigned to the signed-in person, up to a page of the API's largest size; paused for an API key, which has no assignments. */
export function useMyWork(person: boolean) {
  const [{ data, error }, reexecute] = useQuery({ query: MyWorkQuery, variables: { first: PAGE_SIZE_MAX }, pause: !person, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return { data, error, refresh };
}
