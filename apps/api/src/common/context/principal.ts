import { ApiKeyScope } from '@pactwatch/domain';

/** Who a request proved to be: a signed-in person (a session) or an API key. */
export type Principal =
  | { kind: 'USER'; userId: string; email: string; name: string; sessionId: string; tokenWorkspaceId: string | null; tokenExpiresAt: number; fromCookie: boolean }
  | { kind: 'API_KEY'; keyId: string; name: string; workspaceId: string; scope: ApiKeyScope };
