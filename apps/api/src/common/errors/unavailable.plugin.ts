import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@pactwatch/domain';
import type { GraphQLFormattedError } from 'graphql';

/** The Retry-After, in seconds, of the first UNAVAILABLE error among those answered; null when there is none. */
export function unavailableRetryAfter(errors: readonly GraphQLFormattedError[] | undefined): number | null {
  const error = errors?.find((e) => e.extensions?.code === ErrorCode.UNAVAILABLE);
  if (!error) return null;
  const seconds = Number(error.extensions?.retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}

/**
 * Over HTTP, an answer with an UNAVAILABLE error (the database could not be had in time) is a
 * 503 with Retry-After, like the admission gate's refusals: proxies and clients know to retry.
 */
export function unavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const retryAfter = unavailableRetryAfter(response.body.singleResult.errors);
          if (retryAfter === null) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
