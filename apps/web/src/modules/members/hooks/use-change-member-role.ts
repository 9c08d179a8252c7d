import { useMutation } from 'urql';
import type { ChangeMemberRoleInput } from '../../../gql/graphql';
import { ChangeMemberRoleMutation } from '../graphql/members.mutations';

export function useChangeMemberRole() {
  const [state, execute] = useMutation(ChangeMemberRoleMutation);
  const changeMemberRole = (input: ChangeMemberRoleInput) => execute({ input });
  return { changeMemberRole, fetching: state.fetching, error: state.error };
}
