import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ApiKeyScope, Permission } from '@pactwatch/domain';
import { IsEnum, IsString, IsUUID } from 'class-validator';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Caller } from '../../common/context/gql-context';
import { ApiKey } from './api-key.model';
import { ApiKeysService } from './api-keys.service';
import { MaxItems } from '../../common/security/list-bounds';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, such as "Ministry dashboard".' }) @IsString() name: string;
  @Field(() => ApiKeyScope) @IsEnum(ApiKeyScope) scope: ApiKeyScope;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID) @IsUUID('all', { message: 'apiKeyId must be an id' }) apiKeyId: string;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKey) apiKey: ApiKey;
  @Field({ description: 'The key itself, shown this once: send it as Authorization: Bearer <secret>.' }) secret: string;
}

@ObjectType()
export class RevokeApiKeyPayload {
  @Field(() => ApiKey) apiKey: ApiKey;
}

@Resolver(() => ApiKey)
export class ApiKeysResolver {
  constructor(private readonly apiKeysService: ApiKeysService) {}

  @MaxItems(200)
  @Query(() => [ApiKey], { description: "The workspace's API keys, newest first." })
  @Access(Permission.MANAGE_KEYS)
  apiKeys(@CurrentCaller() caller: Caller) {
    return this.apiKeysService.list(caller);
  }

  @Mutation(() => CreateApiKeyPayload)
  @Access(Permission.MANAGE_KEYS)
  createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentCaller() caller: Caller) {
    return this.apiKeysService.create(caller, input.name, input.scope);
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'A revoked key is refused from its next request on.' })
  @Access(Permission.MANAGE_KEYS)
  async revokeApiKey(@Args('input') input: RevokeApiKeyInput, @CurrentCaller() caller: Caller) {
    return { apiKey: await this.apiKeysService.revoke(caller, input.apiKeyId) };
  }
}
