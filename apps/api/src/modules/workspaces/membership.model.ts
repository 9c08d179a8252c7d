import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '@pactwatch/domain';
import { User } from '../auth/user.model';
import { Workspace } from './workspace.model';

@ObjectType({ description: "A person's role in a workspace." })
export class Membership {
  @Field(() => Workspace) workspace: Workspace;
  @Field(() => User) user: User;
  @Field(() => Role) role: Role;
  @Field() createdAt: Date;
}
