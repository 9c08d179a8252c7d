import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, parse } from 'graphql';
import { AuthedRequest } from '../context/gql-context';
import { Principal } from '../context/principal';
import { callerKey, CallerRateLimiter } from '../security/caller-limits';
import { FairAdmission, Refusal } from './fair-admission';

/** Root fields that are quick and bounded: signing in and out, and who am I. */
const LIGHT_FIELDS = new Set(['signIn', 'signOut', 'signUp', 'confirmSignUp', 'requestPasswordReset', 'resetPassword', 'me', '__typename']);
const LIGHT_MAX_LENGTH = 2000;

/**
 * Whether a request body is one light operation: short, and every root field in LIGHT_FIELDS.
 * Those go through a lane of their own, so a sign-in never waits behind someone's heavy reads.
 */
export function isLightOperation(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || query.length > LIGHT_MAX_LENGTH) return false;
  try {
    const document = parse(query, { noLocation: true, maxTokens: 500 });
    return document.definitions.every(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && LIGHT_FIELDS.has(s.name.value)),
    );
  } catch {
    return false;
  }
}

export interface GraphqlGateParts {
  /** The auth guard's authentication, cached on the request (`req.principal`) for it. */
  authenticate: (req: AuthedRequest, res: Response) => Promise<Principal | null>;
  rateLimiter: CallerRateLimiter;
  heavy: FairAdmission;
  light: FairAdmission;
}

function refuse(res: Response, status: number, retryAfter: number, message: string): void {
  if (res.headersSent) return;
  res.status(status).setHeader('Retry-After', String(retryAfter));
  res.json({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfter } }] });
}

const ADMISSION_MESSAGES: Record<Refusal['reason'], string> = {
  'queue-full': 'The server is busy',
  'caller-queue-full': 'Too many of your requests are waiting',
  timeout: 'The server is busy and your request waited too long',
};

/**
 * In front of every GraphQL request over HTTP, before Apollo parses it: who is calling, the
 * caller's rate limit (every request counts, whatever becomes of it), then fair admission in the
 * light or the heavy lane. WebSocket operations pass the same limit in graphqlWsOptions.
 */
export function graphqlGate(parts: GraphqlGateParts): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    const authed = req as AuthedRequest;
    authed.principal ??= parts.authenticate(authed, res);
    void authed.principal
      .catch(() => null)
      .then(async (principal) => {
        const caller = callerKey(principal, req.ip);
        const verdict = await parts.rateLimiter.consume(caller);
        res.setHeader('X-RateLimit-Limit', String(verdict.limit));
        res.setHeader('X-RateLimit-Remaining', String(verdict.allowed ? verdict.remaining : 0));
        if (!verdict.allowed) {
          return refuse(res, 429, verdict.retryAfter, `Too many requests: at most ${verdict.limit} a minute. Try again in ${verdict.retryAfter} seconds`);
        }
        const lane = isLightOperation(req.body) ? parts.light : parts.heavy;
        lane.admit(caller, res, () => next(), (refusal) =>
          refuse(res, 503, refusal.retryAfter, `${ADMISSION_MESSAGES[refusal.reason]}; try again in ${refusal.retryAfter} seconds`),
        );
      })
      .catch(next);
  };
}
