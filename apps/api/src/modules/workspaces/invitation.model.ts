import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@pactwatch/domain';

@ObjectType({ description: 'An emailed, expiring invitation to join a workspace with a role.' })
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field() createdAt: Date;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}
