import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import { ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { AppConfig } from '../../config/app-config';
import { AuthedRequest } from '../../common/context/gql-context';
import { formatGraphQLError } from '../../common/errors/graphql-error-formatter';
import { requestRefusal } from '../../common/errors/request-refusal';
import { callerKey, CallerRateLimiter } from '../../common/security/caller-limits';
import { assertWithinLimits, QueryLimits } from '../../common/security/query-limits.plugin';
import { AuthService } from '../auth/auth.service';
import { LiveConnections } from './live-connections';

export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
  authed?: AuthedRequest;
  /** Ids of the operations this connection runs, admitted by the gate and not yet complete. */
  live?: Set<string>;
}

const logger = new Logger('Live');

/** A connection that could not be checked now (the database is unreachable): WebSocket's own "try again later". */
export const CLOSED_TRY_AGAIN = { code: 1013, reason: 'Try again later: the service is unavailable' } as const;

/**
 * Errors over WebSocket leave as over HTTP (Apollo's formatError does not see them): with the
 * domain's code, nothing of the inside. One without a cause is the request's own fault (a
 * validation or variable error).
 */
function formatWsError(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  if (error.originalError) return formatGraphQLError(formatted, error);
  return formatGraphQLError({ ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' } }, error);
}

/** What every operation over WebSocket passes, as over HTTP: the same limits, rules and rate limit. */
export interface WsGate {
  schema: () => GraphQLSchema | undefined;
  rateLimiter: CallerRateLimiter;
  limits: QueryLimits;
  /** Validation rules beyond graphql-js's own (the document limits). */
  rules: readonly ValidationRule[];
  maxTokens: number;
  maxSubscriptions: number;
}

function refusal(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError[] {
  return [requestRefusal(new DomainError(code, message, details), 400)];
}

/**
 * The gate for one operation over WebSocket (graphql-ws's onSubscribe): the caller's rate limit,
 * a cap on live subscriptions per connection, the token limit while parsing, graphql-js's
 * validation with the document limits, then the depth and node limits — in that order and with the
 * same messages as over HTTP. Only subscriptions are served here: queries and mutations go over
 * HTTP, where cookies, status codes and admission apply.
 */
export async function gateWsOperation(gate: WsGate, ctx: Context<Record<string, unknown> | undefined, unknown>, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const extra = ctx.extra as WsExtra;
  const principal = await extra.authed?.principal?.catch(() => null);
  const verdict = await gate.rateLimiter.consume(callerKey(principal, extra.request.socket.remoteAddress));
  if (!verdict.allowed) {
    return refusal(ErrorCode.RATE_LIMITED, `Too many requests: at most ${verdict.limit} a minute. Try again in ${verdict.retryAfter} seconds`, { retryAfter: verdict.retryAfter });
  }
  const schema = gate.schema();
  if (!schema) return refusal(ErrorCode.INTERNAL, 'The schema is not ready yet');
  if (typeof payload.query !== 'string') return refusal(ErrorCode.BAD_USER_INPUT, 'The operation has no query', { field: 'query' });
  let document;
  try {
    document = parse(payload.query, { maxTokens: gate.maxTokens });
  } catch (err) {
    return refusal(ErrorCode.BAD_USER_INPUT, err instanceof GraphQLError ? err.message : 'The query does not parse', { field: 'query' });
  }
  const errors = validate(schema, document, [...specifiedRules, ...gate.rules]);
  if (errors.length) return errors;
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return refusal(ErrorCode.BAD_USER_INPUT, 'Name the operation to run (operationName): the document holds none or several', { field: 'operationName' });
  if (operation.operation !== 'subscription') {
    return refusal(ErrorCode.BAD_USER_INPUT, `Over WebSocket only subscriptions are served; send a ${operation.operation} as an HTTP POST to /graphql`, {
      field: 'query',
    });
  }
  const variables = payload.variables ?? undefined;
  try {
    assertWithinLimits(schema, document, operation, variables, gate.limits);
  } catch (err) {
    return [err as GraphQLError];
  }
  return { schema, document, variableValues: variables, operationName: payload.operationName };
}

/** Whether a browser page on `origin` may use the session cookie here: the app's own address or one of CORS_ORIGINS. */
export function cookieOriginAllowed(config: AppConfig, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  const own = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  if (host) {
    own.add(`http://${host}`);
    own.add(`https://${host}`);
  }
  return own.has(origin.replace(/\/$/, ''));
}

/**
 * graphql-ws options: a connection authenticates once, with the same session token or API key as
 * HTTP (connection parameter `authorization`, or the session cookie — only from the app's own
 * origin or CORS_ORIGINS, against cross-site WebSocket hijacking), and is closed as soon as the
 * session or key is revoked or its access to the workspace changes (LiveConnections), or its token
 * expires (checked every LIVE_AUTH_CHECK_SECONDS). Every operation passes gateWsOperation.
 */
export function graphqlWsOptions(auth: AuthService, config: AppConfig, connections: LiveConnections, gate: WsGate) {
  return {
    path: '/graphql',
    onSubscribe: async (ctx: Context<Record<string, unknown> | undefined, unknown>, id: string, payload: SubscribePayload) => {
      // Counted before anything is awaited: several subscribe messages may arrive at once.
      const live = ((ctx.extra as WsExtra).live ??= new Set());
      if (live.size >= gate.maxSubscriptions) {
        return refusal(ErrorCode.RATE_LIMITED, `At most ${gate.maxSubscriptions} live subscriptions per connection; complete one first`, {
          maxSubscriptions: gate.maxSubscriptions,
        });
      }
      live.add(id);
      const admitted = await gateWsOperation(gate, ctx, payload).catch((err: unknown) => {
        logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        return refusal(ErrorCode.INTERNAL, 'Internal server error');
      });
      if (Array.isArray(admitted)) live.delete(id);
      return admitted;
    },
    onComplete: (ctx: Context<Record<string, unknown> | undefined, unknown>, id: string) => {
      (ctx.extra as WsExtra).live?.delete(id);
    },
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors?.length ? { ...result, errors: result.errors.map(formatWsError) } : undefined,
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => errors.map(formatWsError),
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
      const extra = ctx.extra as WsExtra;
      try {
        const req = await auth.authenticateConnection(ctx.connectionParams, extra.request);
        const principal = await req.principal;
        if (!principal) return false;
        if (principal.kind === 'USER' && principal.fromCookie && !cookieOriginAllowed(config, extra.request.headers.origin, extra.request.headers.host)) {
          logger.warn(`WebSocket refused: session cookie from origin ${extra.request.headers.origin}`);
          return false;
        }
        extra.authed = req;
        connections.add(extra.socket, req, principal);
        const timer = setInterval(() => {
          auth
            .stillValid(principal)
            .then((valid) => valid || extra.socket.close(4401, 'Unauthorized: the session or key is no longer valid'))
            .catch((err) => logger.warn(`revalidation: ${err.message}`));
        }, config.LIVE_AUTH_CHECK_SECONDS * 1000);
        timer.unref();
        extra.socket.once('close', () => clearInterval(timer));
        return true;
      } catch (err) {
        // Refused credentials: 4403, as graphql-ws does. Anything else (the database unreachable)
        // is not the client's fault: 1013 "try again later", which clients retry.
        if (err instanceof DomainError && [ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.BAD_USER_INPUT].includes(err.code)) return false;
        logger.warn(`WebSocket connection not authenticated: ${err instanceof Error ? err.message : String(err)}`);
        extra.socket.close(CLOSED_TRY_AGAIN.code, CLOSED_TRY_AGAIN.reason);
        return false;
      }
    },
  };
}
