import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import { GraphQLResolveInfo } from 'graphql';
import { AuthedRequest, GqlContext } from '../context/gql-context';

// ThrottlerGuard's own type for a request or response, whatever the platform.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HttpObject = Record<string, any>;

/**
 * RATE_LIMIT_PER_MINUTE requests in any 60 seconds per caller: a person (by user id, whichever
 * session), an API key (by key id), or else the address (IPv6 by /64).
 *
 * The counts live in this process's memory (@nestjs/throttler's default storage), so each
 * instance counts on its own: behind a load balancer over N instances a caller may make up to N
 * times the limit, and a restart forgets the counts. Good enough against a runaway script; a
 * shared store (Redis, PostgreSQL) would make it exact.
 *
 * Registered after the auth guard, so the caller is known (`req.principal`). A request counts
 * once, however many root fields it has: the first root field decides for the whole request.
 * Requests refused before execution (parse, validation, cost, anonymous introspection) and those
 * the auth guard refuses are not counted: no resolver runs for them.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  private readonly decisions = new WeakMap<object, Promise<boolean>>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only GraphQL operations: the health check stays free for the load balancer.
    if (context.getType<string>() !== 'graphql') return true;
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    // Fields below the root are part of a request already counted; a subscription is one long request.
    if (info.path.prev !== undefined || info.parentType.name === 'Subscription') return true;
    const { req } = this.getRequestResponse(context);
    let decision = this.decisions.get(req);
    if (!decision) {
      decision = super.canActivate(context);
      this.decisions.set(req, decision);
    }
    return decision;
  }

  protected override getRequestResponse(context: ExecutionContext): { req: HttpObject; res: HttpObject } {
    if (context.getType<string>() !== 'graphql') return super.getRequestResponse(context);
    const { req, res } = GqlExecutionContext.create(context).getContext<GqlContext>();
    return { req, res };
  }

  protected override async getTracker(req: HttpObject): Promise<string> {
    const principal = await (req as AuthedRequest).principal?.catch(() => null);
    if (principal?.kind === 'USER') return `user:${principal.userId}`;
    if (principal?.kind === 'API_KEY') return `key:${principal.keyId}`;
    return `address:${await super.getTracker(req)}`;
  }

  /** One budget per caller for the whole API, not one per operation. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', retryAfter);
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests: at most ${detail.limit} a minute. Try again in ${retryAfter} seconds`, { retryAfter });
  }
}
