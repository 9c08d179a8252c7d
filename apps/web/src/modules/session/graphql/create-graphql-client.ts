import type { DocumentNode } from 'graphql';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { ErrorCode } from '@pactwatch/domain';
import type { LiveConnection } from '../../live/live-connection';

export interface GraphqlClientOptions {
  /** Called when the server says the session is gone (expired, or signed out elsewhere). */
  onSessionLost: () => void;
  url?: string;
  /** Subscriptions go over this WebSocket connection; without one, the client only queries and mutates. */
  live?: LiveConnection;
}

/**
 * Same origin as the API: the httpOnly session cookie travels by itself, and POST with a JSON body
 * satisfies the API's CSRF prevention. A new client per session, so no cached data outlives it.
 */
export function createGraphqlClient({ onSessionLost, url = '/graphql', live }: GraphqlClientOptions): Client {
  return new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const lost = error.graphQLErrors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED);
          // The session query reports "signed out" through its own result; sign-in failures are not a lost session.
          const name = operationName(operation.query);
          if (lost && name !== 'Me' && name !== 'SignIn') onSessionLost();
        },
      }),
      cacheExchange,
      fetchExchange,
      ...(live ? [subscriptionExchange({ forwardSubscription: live.forward })] : []),
    ],
  });
}

function operationName(query: DocumentNode): string | undefined {
  for (const d of query.definitions) if (d.kind === 'OperationDefinition') return d.name?.value;
  return undefined;
}
