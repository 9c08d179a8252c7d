import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { AppConfig } from '../../config/app-config';
import { AuthedRequest } from '../../common/context/gql-context';
import { formatGraphQLError } from '../../common/errors/graphql-error-formatter';
import { AuthService } from '../auth/auth.service';
import { LiveConnections } from './live-connections';

export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
  authed?: AuthedRequest;
}

const logger = new Logger('Live');

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

/**
 * graphql-ws options: a connection authenticates once, with the same session token or API key as
 * HTTP (connection parameter `authorization`, or the session cookie), and is closed as soon as the
 * session or key is revoked or its access to the workspace changes (LiveConnections), or its token
 * expires (checked every LIVE_AUTH_CHECK_SECONDS).
 */
export function graphqlWsOptions(auth: AuthService, config: AppConfig, connections: LiveConnections) {
  return {
    path: '/graphql',
    onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors?.length ? { ...result, errors: result.errors.map(formatWsError) } : undefined,
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => errors.map(formatWsError),
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, unknown>) => {
      const extra = ctx.extra as WsExtra;
      try {
        const req = await auth.authenticateConnection(ctx.connectionParams, extra.request);
        const principal = await req.principal;
        if (!principal) return false;
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
      } catch {
        return false;
      }
    },
  };
}
