import { useMutation } from 'urql';
import type { AcceptInvitationInput } from '../../../gql/graphql';
import { AcceptInvitationMutation } from '../graphql/account.mutations';

export function useAcceptInvitation() {
  const [state, execute] = useMutation(AcceptInvitationMutation);
  const acceptInvitation = (input: AcceptInvitationInput) => execute({ input });
  return { acceptInvitation, fetching: state.fetching, error: state.error };
}
