import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Permission, Role } from '@pactwatch/domain';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { ApiKey } from '../../api-keys/api-key.model';
import { Membership } from '../../workspaces/membership.model';
import { Workspace } from '../../workspaces/workspace.model';
import { User } from '../user.model';
import { MaxItems } from '../../../common/security/list-bounds';

@InputType()
export class SignInInput {
  @Field() @IsString() email: string;
  @Field() @IsString() password: string;
  @Field(() => ID, { nullable: true, description: 'The workspace to work in; defaults to the first you joined.' })
  @IsOptional() @IsUUID('all', { message: 'workspaceId must be an id' })
  workspaceId?: string | null;
}

@InputType({ description: 'A new account with a new workspace of which it is the owner, made when the emailed link is followed.' })
export class SignUpInput {
  @Field() @IsString() email: string;
  @Field() @IsString() name: string;
  @Field() @IsString() password: string;
  @Field() @IsString() workspaceName: string;
  @Field(() => String, { nullable: true, description: 'en or es: the language of the emails and of the account; en when absent.' })
  @IsOptional() @IsString() locale?: string | null;
}

@InputType()
export class ConfirmSignUpInput {
  @Field({ description: 'The token of the emailed sign-up link.' }) @IsString() token: string;
}

@InputType()
export class ChangePasswordInput {
  @Field() @IsString() currentPassword: string;
  @Field() @IsString() newPassword: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsString() email: string;
  @Field(() => String, { nullable: true, description: 'en or es: the language of the mail when the address has no account (an account gets its own).' })
  @IsOptional() @IsString() locale?: string | null;
}

@InputType({ description: 'Your own name and language; a field left out stays as it is.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() name?: string | null;
  @Field(() => String, { nullable: true, description: 'en or es: the language of the web client and of your emails.' })
  @IsOptional() @IsString() locale?: string | null;
}

@ObjectType()
export class ProfilePayload {
  @Field(() => User) user: User;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token of the emailed link.' }) @IsString() token: string;
  @Field() @IsString() newPassword: string;
}

@InputType()
export class SwitchWorkspaceInput {
  @Field(() => ID) @IsUUID('all', { message: 'workspaceId must be an id' }) workspaceId: string;
}

@ObjectType({ description: 'A session token: also set as an httpOnly cookie for the web client; scripts send it as Authorization: Bearer.' })
export class SessionPayload {
  @Field(() => User) user: User;
  @Field() token: string;
  @Field() expiresAt: Date;
  @Field(() => Workspace, { nullable: true }) workspace: Workspace | null;
}

@ObjectType()
export class DonePayload {
  @Field({ description: 'Always true when no error came back.' }) done: boolean;
}

export enum PrincipalKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });

@ObjectType({ description: 'Who is calling, in which workspace, allowed to do what.' })
export class Me {
  @Field(() => PrincipalKind) kind: PrincipalKind;
  @Field(() => User, { nullable: true, description: 'The signed-in person; null for an API key.' }) user: User | null;
  @Field(() => ApiKey, { nullable: true, description: 'The key calling; null for a person.' }) apiKey: ApiKey | null;
  @Field(() => Workspace, { nullable: true, description: 'The workspace this request works in.' }) workspace: Workspace | null;
  @Field(() => Role, { nullable: true }) role: Role | null;
  @MaxItems(Object.keys(Permission).length) @Field(() => [Permission]) permissions: Permission[];
  @MaxItems(1000) @Field(() => [Membership], { description: "A person's workspaces, to switch between." }) memberships: Membership[];
}
