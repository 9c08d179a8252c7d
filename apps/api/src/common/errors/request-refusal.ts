import { DomainError } from '@pactwatch/domain';
import { GraphQLError } from 'graphql';

/**
 * A domain error for an Apollo plugin to throw before execution (cost, depth, schema access).
 * Apollo answers such errors with HTTP 500 unless told otherwise, so the status rides along; the
 * error formatter finds the domain error inside and gives it its code as usual.
 */
export function requestRefusal(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}
