import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller, principalOf } from '../../common/context/current-caller.decorator';
import { Caller, GqlContext } from '../../common/context/gql-context';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AccountsService } from '../auth/accounts.service';
import { Me, PrincipalKind } from '../auth/dto/auth.inputs';
import { setSessionCookie } from '../auth/session-cookie';
import { AppConfig } from '../../config/app-config';
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  ChangeMemberRoleInput,
  InvitationPayload,
  InviteMemberInput,
  MembershipPayload,
  RemoveMemberInput,
  RemoveMemberPayload,
  RevokeInvitationInput,
  WorkspaceNameInput,
  WorkspacePayload,
} from './dto/workspace.inputs';
import { Invitation } from './invitation.model';
import { Membership } from './membership.model';
import { WorkspacesService } from './workspaces.service';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver()
export class WorkspacesResolver {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly accounts: AccountsService,
    private readonly apiKeys: ApiKeysService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => Me, { description: 'Who is calling, in which workspace, with what permissions; a person also sees their workspaces.' })
  @Access('SIGNED_IN')
  async me(@Context() ctx: GqlContext): Promise<Me> {
    const principal = await principalOf(ctx);
    const caller = ctx.req.caller;
    const workspace = caller ? await this.workspaces.workspace(caller.workspaceId) : null;
    if (principal.kind === 'API_KEY') {
      return { kind: PrincipalKind.API_KEY, user: null, apiKey: await this.apiKeys.findOne(principal.keyId), workspace, role: null, permissions: [...(caller?.permissions ?? [])], memberships: [] };
    }
    return {
      kind: PrincipalKind.USER,
      user: await this.accounts.findUser(principal.userId),
      apiKey: null,
      workspace,
      role: caller?.role ?? null,
      permissions: [...(caller?.permissions ?? [])],
      memberships: await this.workspaces.memberships({ userId: principal.userId }),
    };
  }

  @MaxItems(1000)
  @Query(() => [Membership], { description: 'The members of the workspace and their roles.' })
  @Access(Permission.READ)
  members(@CurrentCaller() caller: Caller) {
    return this.workspaces.memberships({ workspaceId: caller.workspaceId });
  }

  @MaxItems(500)
  @Query(() => [Invitation], { description: 'Invitations of the workspace, newest first.' })
  @Access(Permission.MANAGE_MEMBERS)
  invitations(@CurrentCaller() caller: Caller) {
    return this.workspaces.invitations(caller);
  }

  @Mutation(() => InvitationPayload, { description: 'Emails a link, valid for 7 days, to join with the role.' })
  @Access(Permission.MANAGE_MEMBERS)
  async inviteMember(@Args('input') input: InviteMemberInput, @CurrentCaller() caller: Caller) {
    return { invitation: await this.workspaces.invite(caller, input.email, input.role, input.locale) };
  }

  @Mutation(() => InvitationPayload)
  @Access(Permission.MANAGE_MEMBERS)
  async revokeInvitation(@Args('input') input: RevokeInvitationInput, @CurrentCaller() caller: Caller) {
    return { invitation: await this.workspaces.revokeInvitation(caller, input.invitationId) };
  }

  @Mutation(() => AcceptInvitationPayload)
  @Access('PUBLIC')
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: GqlContext) {
    const principal = (await ctx.req.principal?.catch(() => null)) ?? null;
    const result = await this.workspaces.accept(principal, input);
    if (result.token) {
      setSessionCookie(ctx.res, this.config, result.token, new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000));
    }
    return result;
  }

  @Mutation(() => MembershipPayload, { description: 'Only an owner makes or unmakes owners; the last owner stays one.' })
  @Access(Permission.MANAGE_MEMBERS)
  async changeMemberRole(@Args('input') input: ChangeMemberRoleInput, @CurrentCaller() caller: Caller) {
    return { membership: await this.workspaces.changeRole(caller, input.userId, input.role) };
  }

  @Mutation(() => RemoveMemberPayload, { description: 'The last owner cannot be removed.' })
  @Access(Permission.MANAGE_MEMBERS)
  async removeMember(@Args('input') input: RemoveMemberInput, @CurrentCaller() caller: Caller) {
    await this.workspaces.remove(caller, input.userId);
    return { removedUserId: input.userId };
  }

  @Mutation(() => WorkspacePayload)
  @Access(Permission.MANAGE_WORKSPACE)
  async renameWorkspace(@Args('input') input: WorkspaceNameInput, @CurrentCaller() caller: Caller) {
    return { workspace: await this.workspaces.rename(caller, input.name) };
  }

  @Mutation(() => WorkspacePayload, { description: 'A new workspace, of which you are the owner.' })
  @Access('PERSON')
  async createWorkspace(@Args('input') input: WorkspaceNameInput, @Context() ctx: GqlContext) {
    return { workspace: await this.workspaces.create(await principalOf(ctx), input.name) };
  }
}
