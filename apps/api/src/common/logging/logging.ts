import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../../config/app-config';
import type { Principal } from '../context/principal';

/** Who called, as logged: never the token or key itself. `refused`: credentials were sent and not accepted. */
export type CallerKind = 'user' | 'apiKey' | 'anonymous' | 'refused';

/** What the request line tells beyond pino-http's own fields, filled in while the request is served. */
interface RequestFacts {
  operation?: string;
  caller?: CallerKind;
}

const FACTS = Symbol('pactwatch.requestFacts');
type WithFacts = IncomingMessage & { [FACTS]?: RequestFacts; body?: unknown };

function factsOf(req: IncomingMessage): RequestFacts {
  const withFacts = req as WithFacts;
  return (withFacts[FACTS] ??= {});
}

/** The GraphQL operation being run, by name or else by its root fields ("me,commitments"). */
export function noteOperation(req: IncomingMessage | undefined, operation: string): void {
  if (req) factsOf(req).operation = operation;
}

export function noteCaller(req: IncomingMessage, principal: Principal | null | 'refused'): void {
  factsOf(req).caller = principal === 'refused' ? 'refused' : principal === null ? 'anonymous' : principal.kind === 'USER' ? 'user' : 'apiKey';
}

const requestIds = new AsyncLocalStorage<string>();

/** The id of the HTTP request being served (x-request-id), for errors that should point at its log line. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

// An id from a proxy or a client is kept when it is short and plain; anything else is replaced.
const SANE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Credentials never reach the log: the session and key headers, cookies sent and set. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * The process's root logger: JSON lines on stdout (or `destination`, for tests), at LOG_LEVEL;
 * with LOG_PRETTY, pino-pretty's readable lines instead.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'LOG_PRETTY'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (config.LOG_PRETTY && !destination) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  return destination ? pino(options, destination) : pino(options);
}

/**
 * One line per HTTP request when it ends: request id (an incoming x-request-id when sane, else a
 * new one, echoed in the response header), method and path, status, duration (responseTime, ms),
 * the GraphQL operation and the caller's kind. Errors of the request carry the same id (reqId).
 */
export function requestLogging(logger: Logger): RequestHandler {
  const http = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    genReqId: (req, res) => {
      const id = requestIdFor(req.headers['x-request-id']);
      res.setHeader('x-request-id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${ms} ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    // The status is enough of the response; its headers are the same on every answer.
    serializers: { res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
    customSuccessObject: (req, _res, value) => ({ ...value, ...requestLineFacts(req) }),
    customErrorObject: (req, _res, _err, value) => ({ ...value, ...requestLineFacts(req) }),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    http(req, res);
    requestIds.run(String(req.id), next);
  };
}

/** The path asked for: Express rewrites req.url inside mounted handlers. */
function pathOf(req: IncomingMessage): string {
  return ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
}

/** Nest's start-up chatter (modules loaded, routes mapped): debug, not info. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestApplication']);

/** Nest's logger, with its framework's start-up lines moved down to debug. */
export function quietFramework(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...params: unknown[]) =>
      FRAMEWORK_CONTEXTS.has(String(params.at(-1))) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}

function requestLineFacts(req: IncomingMessage): RequestFacts {
  const facts = (req as WithFacts)[FACTS] ?? {};
  const named = (req as WithFacts).body as { operationName?: unknown } | undefined;
  const operation = facts.operation ?? (typeof named?.operationName === 'string' ? named.operationName.slice(0, 100) : undefined);
  return { operation, caller: facts.caller };
}

/**
 * An error as it may be logged: its kind, code, message and stack, and nothing else. TypeORM's
 * QueryFailedError carries the statement's parameters (and pg's detail echoes values): those stay
 * out, and a value quoted at the end of a driver message ('invalid input syntax …: "…"') is cut.
 */
export function loggableError(error: unknown): { type: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  const message = scrub(error.message);
  const stack = error.stack?.replace(error.message, message);
  return { type: error.name, message, ...(typeof code === 'string' && { code }), ...(stack && { stack }) };
}

function scrub(message: string): string {
  return message.replace(/: ".*"$/s, ': "…"').slice(0, 500);
}

/** "SELECT … FROM themes", "INSERT INTO activity": what a statement does, without its text's details. */
export function statementName(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(\w+)/.exec(text)?.[1]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+("?[\w.]+"?)/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : text.split(' ').slice(0, 4).join(' ').slice(0, 60);
}
