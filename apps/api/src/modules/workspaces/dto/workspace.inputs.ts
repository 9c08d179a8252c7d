import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Role } from '@pactwatch/domain';
import { IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { Invitation } from '../invitation.model';
import { Membership } from '../membership.model';
import { Workspace } from '../workspace.model';

@InputType()
export class InviteMemberInput {
  @Field() @IsString() email: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => String, {
    nullable: true,
    description: "en or es: the language of the invitation email. When absent: the invitee's own, if they have an account; else the inviter's.",
  })
  @IsOptional() @IsString() locale?: string | null;
}

@InputType({ description: 'Accepts an emailed invitation. Signed in as the invited email, nothing else is needed; without an account, give a name and password to create one.' })
export class AcceptInvitationInput {
  @Field() @IsString() token: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() password?: string | null;
  @Field(() => String, { nullable: true, description: 'en or es: the language of an account the invitation creates; en when absent.' })
  @IsOptional() @IsString() locale?: string | null;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID) @IsUUID('all', { message: 'invitationId must be an id' }) invitationId: string;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be an id' }) userId: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'userId must be an id' }) userId: string;
}

@InputType()
export class WorkspaceNameInput {
  @Field() @IsString() name: string;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation) invitation: Invitation;
}

@ObjectType()
export class MembershipPayload {
  @Field(() => Membership) membership: Membership;
}

@ObjectType()
export class RemoveMemberPayload {
  @Field(() => ID) removedUserId: string;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => Membership) membership: Membership;
  @Field(() => String, { nullable: true, description: 'A session token when the invitation created the account.' }) token: string | null;
}

@ObjectType()
export class WorkspacePayload {
  @Field(() => Workspace) workspace: Workspace;
}
