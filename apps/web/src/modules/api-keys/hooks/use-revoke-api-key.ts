import { useMutation } from 'urql';
import type { RevokeApiKeyInput } from '../../../gql/graphql';
import { RevokeApiKeyMutation } from '../graphql/api-keys.operations';

export function useRevokeApiKey() {
  const [state, execute] = useMutation(RevokeApiKeyMutation);
  const revokeApiKey = (input: RevokeApiKeyInput) => execute({ input });
  return { revokeApiKey, fetching: state.fetching, error: state.error };
}
