import { useMutation } from 'urql';
import type { InviteMemberInput } from '../../../gql/graphql';
import { InviteMemberMutation } from '../graphql/members.mutations';

export function useInviteMember() {
  const [state, execute] = useMutation(InviteMemberMutation);
  const inviteMember = (input: InviteMemberInput) => execute({ input });
  return { inviteMember, fetching: state.fetching, error: state.error };
}
