import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WebhookDelivery, WebhookEndpoint } from '../webhook.models';

@InputType({ description: 'Narrows the changes an endpoint gets; each list given must hold (any id within it). Empty or omitted: no narrowing.' })
export class WebhookFilterInput {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'filter.agreementIds must hold ids' }) agreementIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'filter.partyIds must hold ids' }) partyIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'filter.themeIds must hold ids' }) themeIds?: string[] | null;
}

@InputType({ description: 'A new endpoint: an http(s) URL on a public address, the change kinds it gets, and an optional filter.' })
export class CreateWebhookEndpointInput {
  @Field() @IsString() @MaxLength(2000) url: string;
  @Field(() => [String], { description: 'Activity verbs, such as commitment.status_changed; at least one.' }) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) kinds: string[];
  @Field(() => WebhookFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => WebhookFilterInput) filter?: WebhookFilterInput | null;
}

@InputType({ description: 'Changes an endpoint; omitted fields stay. enabled: true resumes a disabled one where it stopped. CONFLICT on a stale expectedVersion.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) url?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) kinds?: string[] | null;
  @Field(() => WebhookFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => WebhookFilterInput) filter?: WebhookFilterInput | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean | null;
}

@InputType()
export class DeleteWebhookEndpointInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
}

@InputType()
export class RedeliverWebhookInput {
  @Field(() => ID) @IsUUID('all', { message: 'deliveryId must be an id' }) deliveryId: string;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID) @IsUUID('all', { message: 'endpointId must be an id' }) endpointId: string;
  @Field(() => Int, { defaultValue: 50, description: 'The newest this many, at most 200.' }) @IsInt() @Min(1) @Max(200) first: number = 50;
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint) endpoint: WebhookEndpoint;
  @Field({ description: 'The signing secret (whsec_…), shown this once: verify each request with it (standardwebhooks).' }) secret: string;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint) endpoint: WebhookEndpoint;
}

@ObjectType()
export class DeleteWebhookEndpointPayload {
  @Field(() => ID) removedEndpointId: string;
}

@ObjectType()
export class RedeliverWebhookPayload {
  @Field(() => WebhookDelivery) delivery: WebhookDelivery;
}
