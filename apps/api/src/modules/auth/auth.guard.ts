import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import { GraphQLResolveInfo } from 'graphql';
import { AppConfig } from '../../config/app-config';
import { ACCESS_KEY, AccessRule, PERSON_ONLY_KEY } from '../../common/context/access.decorator';
import { GqlContext } from '../../common/context/gql-context';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { setSessionCookie } from './session-cookie';

/**
 * The one guard in front of every operation: it authenticates (session token or API key),
 * selects the workspace and checks the operation's access rule. An operation without a rule is
 * refused, so a new one cannot be left open by forgetting.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    // Fields below a query or mutation are covered by the check on that root field.
    if (!['Query', 'Mutation', 'Subscription'].includes(info.parentType.name)) return true;
    const { req, res } = gql.getContext<GqlContext>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new DomainError(ErrorCode.FORBIDDEN, `${info.fieldName} declares no access rule`);

    req.principal ??= this.auth.authenticate(req, res);
    if (rule === 'PUBLIC') {
      // Credentials are optional here; bad ones are ignored rather than failing a sign-in.
      const principal = await req.principal.catch(() => null);
      if (principal) req.caller ??= await this.auth.callerFor(principal, req).catch(() => undefined);
      return true;
    }
    const principal = await req.principal;
    if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in, or send an API key as Authorization: Bearer');
    const personOnly = rule === 'PERSON' || this.reflector.get<boolean>(PERSON_ONLY_KEY, context.getHandler());
    if (personOnly && principal.kind !== 'USER') {
      throw new DomainError(ErrorCode.FORBIDDEN, `${info.fieldName} is for signed-in people, not API keys`);
    }
    if (rule === 'SIGNED_IN' || rule === 'PERSON') {
      req.caller ??= await this.auth.callerFor(principal, req).catch((err) => {
        if (err instanceof DomainError && err.code === ErrorCode.FORBIDDEN && !req.headers['x-workspace-id']) return undefined;
        throw err;
      });
    } else {
      req.caller ??= await this.auth.callerFor(principal, req);
      if (!req.caller.permissions.includes(rule as Permission)) {
        throw new DomainError(ErrorCode.FORBIDDEN, `${info.fieldName} needs the ${rule} permission, which your ${req.caller.role ? `role (${req.caller.role})` : 'API key'} does not have`);
      }
    }
    await this.renewCookie(principal, gql.getContext<GqlContext>());
    return true;
  }

  /** Past half its life, a cookie token is replaced, so an active web session does not lapse. */
  private async renewCookie(principal: Awaited<GqlContext['req']['principal']>, ctx: GqlContext): Promise<void> {
    if (!principal || principal.kind !== 'USER' || !principal.fromCookie || !ctx.res || ctx.res.headersSent) return;
    if (principal.tokenExpiresAt * 1000 - Date.now() > (this.config.JWT_TTL_SECONDS * 1000) / 2) return;
    if ((ctx.req as { renewed?: boolean }).renewed) return;
    (ctx.req as { renewed?: boolean }).renewed = true;
    const { token, expiresAt } = await this.accounts.signToken(principal.userId, principal.sessionId, ctx.req.caller?.workspaceId ?? principal.tokenWorkspaceId);
    setSessionCookie(ctx.res, this.config, token, expiresAt);
  }
}
