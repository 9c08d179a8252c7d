import { DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import type { Request, Response } from 'express';
import { AuthService } from '../../modules/auth/auth.service';
import { Caller } from '../context/gql-context';
import { callerKey, CallerRateLimiter } from '../security/caller-limits';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

/**
 * The caller of a plain HTTP route, authenticated as /graphql authenticates (Bearer session token
 * or API key, or the web client's cookie; `x-workspace-id` for a person in several workspaces),
 * counted once against its rate limit, and holding `permission`.
 */
export async function httpCaller(auth: AuthService, rateLimiter: CallerRateLimiter, req: Request, res: Response, permission: Permission): Promise<Caller> {
  const principal = await auth.authenticate(req, res);
  const verdict = await rateLimiter.consume(callerKey(principal, req.ip));
  if (!verdict.allowed) {
    res.setHeader('retry-after', String(verdict.retryAfter));
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests: at most ${verdict.limit} a minute. Try again in ${verdict.retryAfter} seconds`, { retryAfter: verdict.retryAfter });
  }
  if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API key as Authorization: Bearer');
  const caller = await auth.callerFor(principal, req);
  if (!caller.permissions.includes(permission)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This needs the ${permission} permission, which your ${caller.role ? `role (${caller.role})` : 'API key'} does not have`);
  }
  return caller;
}

/** A domain error as the JSON /graphql answers with (`errors[0].extensions.code`, `field`), with its HTTP status. */
export function refuseHttp(res: Response, err: unknown): void {
  if (!(err instanceof DomainError)) throw err;
  const { field, retryAfter } = err.details;
  res.status(STATUS[err.code] ?? 400).json({
    errors: [{ message: err.message, extensions: { code: err.code, ...(field ? { field } : {}), ...(retryAfter ? { retryAfter } : {}) } }],
  });
}
