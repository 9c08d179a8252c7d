import { useQuery } from 'urql';
import { AssigneeOptionsQuery } from '../graphql/assignees.operations';

/** The workspace's members by name, to assign or to filter by; paused until wanted. */
export function useAssigneeOptions(wanted = true) {
  const [{ data, error }] = useQuery({ query: AssigneeOptionsQuery, pause: !wanted });
  const members = (data?.members ?? []).map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name));
  return { members, error };
}
