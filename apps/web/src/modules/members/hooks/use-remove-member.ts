import { useMutation } from 'urql';
import type { RemoveMemberInput } from '../../../gql/graphql';
import { RemoveMemberMutation } from '../graphql/members.mutations';

export function useRemoveMember() {
  const [state, execute] = useMutation(RemoveMemberMutation);
  const removeMember = (input: RemoveMemberInput) => execute({ input });
  return { removeMember, fetching: state.fetching, error: state.error };
}
