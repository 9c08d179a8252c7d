import { DomainError, ErrorCode } from '@pactwatch/domain';
import { directParamDecorator } from '../graphql/direct-field-resolvers';
import { Caller, GqlContext } from './gql-context';
import { Principal } from './principal';

/** The caller the auth guard resolved: its workspace, actor and permissions. */
export const CurrentCaller = directParamDecorator((ctx): Caller => {
  const caller = ctx.req.caller;
  if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
  return caller;
});

/** The per-request DataLoaders. */
export const Loaders = directParamDecorator((ctx) => ctx.loaders);

/** The authenticated principal of a request the guard let through. */
export async function principalOf(ctx: GqlContext): Promise<Principal> {
  const principal = await ctx.req.principal;
  if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
  return principal;
}
