import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiKeyScope } from '@pactwatch/domain';

@ObjectType({ description: 'A key another system uses to call the API in this workspace. The secret is shown once, at creation.' })
export class ApiKey {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'The visible start of the key (pw_<prefix>_…), to tell keys apart.' }) prefix: string;
  @Field(() => ApiKeyScope) scope: ApiKeyScope;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}
