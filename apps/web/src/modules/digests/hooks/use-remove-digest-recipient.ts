import { useMutation } from 'urql';
import { RemoveDigestRecipientMutation } from '../graphql/digests.operations';

export function useRemoveDigestRecipient() {
  const [state, execute] = useMutation(RemoveDigestRecipientMutation);
  const removeDigestRecipient = (subscriptionId: string) => execute({ input: { subscriptionId } }, { additionalTypenames: ['DigestSubscription'] });
  return { removeDigestRecipient, fetching: state.fetching, error: state.error };
}
