import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../database/unavailable';
import { currentRequestId, loggableError } from '../logging/logging';

const logger = new Logger('GraphQL');

// Apollo's own codes for a request that never reached a resolver: the caller's input was wrong.
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.RATE_LIMITED,
};

/** Names the argument or variable a GraphQL validation message is about, where it says. */
function fieldOf(message: string): string | undefined {
  // A bad value inside a variable: name the field within it ("input.newEvidence[0].url" → "newEvidence[0].url"),
  // as the input's own checks do, not just the variable.
  const inVariable = /^Variable "\$\w+" got invalid value .*?(?: at "\w+\.([\w.[\]]+)")?; (?:Field "(\w+)")?/s.exec(message);
  if (inVariable?.[1] || inVariable?.[2]) return [inVariable[1], inVariable[2]].filter(Boolean).join('.');
  const match =
    /[Vv]ariable "\$([\w]+)"/.exec(message) ??
    /[Aa]rgument "(?:\w+\.)?([\w]+)"/.exec(message) ??
    /[Ff]ield "(?:\w+\.)?([\w]+)"/.exec(message) ??
    /at "[\w]+\.([\w.[\]]+)"/.exec(message);
  return match?.[1];
}

/**
 * graphql-js refusing a variable's value before anything ran (`Variable "$filter" got invalid
 * value []`). Over HTTP Apollo marks these BAD_USER_INPUT; over WebSocket nobody does, and the
 * error carries the scalar's own error as its cause.
 */
function isVariableRefusal(error: unknown): boolean {
  return error instanceof GraphQLError && error.path === undefined && /^Variable "\$\w+" (got invalid value|of (non-null|required) type)/.test(error.message);
}

/**
 * The one place errors become responses: every error leaves with `extensions.code` from the
 * domain enum, and nothing of the server's inside (stack, SQL, driver messages) leaves at all.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { path: formatted.path, locations: formatted.locations };
  // Raised in a resolver or guard, or wrapped by a plugin that refused the request before execution.
  const domain = original instanceof DomainError ? original : original instanceof GraphQLError && original.originalError instanceof DomainError ? original.originalError : null;

  if (domain) {
    return { message: domain.message, ...where, extensions: { ...domain.details, code: domain.code } };
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()] ?? ErrorCode.INTERNAL;
    if (code !== ErrorCode.INTERNAL) return { message: original.message, ...where, extensions: { code } };
  }
  const apolloCode = (formatted.extensions?.code ?? (original as GraphQLError)?.extensions?.code) as string | undefined;
  if ((apolloCode && APOLLO_INPUT_CODES.has(apolloCode)) || (!apolloCode && isVariableRefusal(original))) {
    const field = fieldOf(formatted.message);
    return { message: formatted.message, ...where, extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field && { field }) } };
  }
  if (isDatabaseUnavailable(original)) {
    // No connection in time, or the database going away: the caller may try again (HTTP 503, see unavailablePlugin).
    logger.warn({ err: loggableError(original), requestId: currentRequestId() }, 'Database unavailable');
    const retryAfter = UNAVAILABLE_RETRY_AFTER_SECONDS;
    return {
      message: `The database is busy or unavailable; try again in ${retryAfter} seconds`,
      ...where,
      extensions: { code: ErrorCode.UNAVAILABLE, retryAfter },
    };
  }
  // The request id (x-request-id, on the request's log lines too) lets a user's report find this line.
  const requestId = currentRequestId();
  logger.error({ err: loggableError(original), ...(requestId && { requestId }) }, 'Internal server error');
  return { message: 'Internal server error', ...where, extensions: { code: ErrorCode.INTERNAL, ...(requestId && { requestId }) } };
}
