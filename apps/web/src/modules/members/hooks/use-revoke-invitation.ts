import { useMutation } from 'urql';
import type { RevokeInvitationInput } from '../../../gql/graphql';
import { RevokeInvitationMutation } from '../graphql/members.mutations';

export function useRevokeInvitation() {
  const [state, execute] = useMutation(RevokeInvitationMutation);
  const revokeInvitation = (input: RevokeInvitationInput) => execute({ input });
  return { revokeInvitation, fetching: state.fetching, error: state.error };
}
