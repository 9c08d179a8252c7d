import { graphql } from '../../../gql';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys { id name prefix scope createdAt lastUsedAt revokedAt }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { secret apiKey { id name prefix scope } }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { apiKey { id revokedAt } }
  }
`);
