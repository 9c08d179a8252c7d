import { useMutation } from 'urql';
import type { CreateApiKeyInput } from '../../../gql/graphql';
import { CreateApiKeyMutation } from '../graphql/api-keys.operations';

export function useCreateApiKey() {
  const [state, execute] = useMutation(CreateApiKeyMutation);
  const createApiKey = (input: CreateApiKeyInput) => execute({ input });
  return { createApiKey, fetching: state.fetching, error: state.error };
}
