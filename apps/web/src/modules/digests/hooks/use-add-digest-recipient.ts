import { useMutation } from 'urql';
import type { AddDigestRecipientInput } from '../../../gql/graphql';
import { AddDigestRecipientMutation } from '../graphql/digests.operations';

export function useAddDigestRecipient() {
  const [state, execute] = useMutation(AddDigestRecipientMutation);
  const addDigestRecipient = (input: AddDigestRecipientInput) => execute({ input }, { additionalTypenames: ['DigestSubscription', 'OutboxMessage'] });
  return { addDigestRecipient, fetching: state.fetching, error: state.error };
}
