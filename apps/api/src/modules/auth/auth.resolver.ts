import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@pactwatch/domain';
import passport from 'passport';
import { AppConfig } from '../../config/app-config';
import { Access } from '../../common/context/access.decorator';
import { GqlContext } from '../../common/context/gql-context';
import { AccountsService, IssuedSession, UserRow } from './accounts.service';
import { AuthService } from './auth.service';
import {
  ChangePasswordInput,
  ConfirmSignUpInput,
  DonePayload,
  ProfilePayload,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SessionPayload,
  SignInInput,
  SignUpInput,
  SwitchWorkspaceInput,
  UpdateProfileInput,
} from './dto/auth.inputs';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { LocalStrategy } from './strategies/local.strategy';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    _local: LocalStrategy,
  ) {}

  @Mutation(() => SessionPayload, { description: 'Signs in with email and password: sets the session cookie and returns the token.' })
  @Access('PUBLIC')
  async signIn(@Args('input') input: SignInInput, @Context() ctx: GqlContext) {
    // passport-local reads the credentials from a request body: give it one.
    const req = Object.assign(Object.create(ctx.req), { body: { email: input.email, password: input.password } });
    const user = await new Promise<UserRow>((resolve, reject) =>
      passport.authenticate('local', { session: false }, (err: unknown, found: UserRow | false) =>
        err ? reject(err) : found ? resolve(found) : reject(new DomainError(ErrorCode.UNAUTHENTICATED, 'The email or the password is wrong')),
      )(req, ctx.res, reject),
    );
    if (input.workspaceId) await this.auth.assertMember(user.id, input.workspaceId, 'workspaceId');
    return this.started(ctx, await this.accounts.issueSession(user, input.workspaceId));
  }

  @Mutation(() => DonePayload, {
    description:
      'Mails a one-time link that creates the account and a workspace it owns (confirmSignUp). The answer is the same whether or not the address has an account; if it has, the mail says so instead.',
  })
  @Access('PUBLIC')
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: GqlContext) {
    await this.accounts.signUp(input, ctx.req.ip ?? 'unknown');
    return { done: true };
  }

  @Mutation(() => SessionPayload, { description: 'Follows the emailed sign-up link: creates the account and its workspace, and signs in.' })
  @Access('PUBLIC')
  async confirmSignUp(@Args('input') input: ConfirmSignUpInput, @Context() ctx: GqlContext) {
    return this.started(ctx, await this.accounts.confirmSignUp(input.token));
  }

  @Mutation(() => DonePayload, { description: 'Ends this session: the token stops working, the cookie is cleared.' })
  @Access('PERSON')
  async signOut(@Context() ctx: GqlContext) {
    const principal = await ctx.req.principal;
    if (principal) await this.accounts.signOut(principal);
    clearSessionCookie(ctx.res);
    return { done: true };
  }

  @Mutation(() => SessionPayload, { description: 'A token for another of your workspaces (the web client switches with it).' })
  @Access('PERSON')
  async switchWorkspace(@Args('input') input: SwitchWorkspaceInput, @Context() ctx: GqlContext) {
    const principal = await ctx.req.principal;
    if (principal?.kind !== 'USER') throw new DomainError(ErrorCode.FORBIDDEN, 'Only a signed-in person switches workspace');
    await this.auth.assertMember(principal.userId, input.workspaceId, 'workspaceId');
    const { token, expiresAt } = await this.accounts.signToken(principal.userId, principal.sessionId, input.workspaceId);
    return this.started(ctx, { token, expiresAt, user: await this.accounts.findUser(principal.userId) }, input.workspaceId);
  }

  @Mutation(() => DonePayload, { description: 'Ends your other sessions too.' })
  @Access('PERSON')
  async changePassword(@Args('input') input: ChangePasswordInput, @Context() ctx: GqlContext) {
    const principal = await ctx.req.principal;
    if (principal) await this.accounts.changePassword(principal, input.currentPassword, input.newPassword);
    return { done: true };
  }

  @Mutation(() => ProfilePayload, { description: 'Sets your own name and language (en or es); the language is also that of your emails.' })
  @Access('PERSON')
  async updateProfile(@Args('input') input: UpdateProfileInput, @Context() ctx: GqlContext) {
    const principal = await ctx.req.principal;
    if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    return { user: await this.accounts.updateProfile(principal, input) };
  }

  @Mutation(() => DonePayload, { description: 'Emails a one-time reset link if the address has an account (and a note that none uses it if not); the answer is the same either way.' })
  @Access('PUBLIC')
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput, @Context() ctx: GqlContext) {
    await this.accounts.requestPasswordReset(input.email, ctx.req.ip ?? 'unknown', input.locale);
    return { done: true };
  }

  @Mutation(() => DonePayload, { description: 'Sets a new password with the emailed token; every session of the account ends.' })
  @Access('PUBLIC')
  async resetPassword(@Args('input') input: ResetPasswordInput) {
    await this.accounts.resetPassword(input.token, input.newPassword);
    return { done: true };
  }

  private async started(ctx: GqlContext, session: IssuedSession, workspaceId?: string | null): Promise<SessionPayload> {
    setSessionCookie(ctx.res, this.config, session.token, session.expiresAt);
    const wid = workspaceId ?? this.accounts.decodeWorkspace(session.token);
    return { ...session, workspace: wid ? await this.accounts.workspace(wid) : null };
  }
}
