import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaxItems } from '../../common/security/list-bounds';

export enum WebhookDeliveryStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus', description: 'SUCCEEDED: the last attempt got a 2xx answer. FAILED: it did not (no answer, a timeout, a redirect or another status).' });

@ObjectType({ description: 'Which changes an endpoint gets, besides their kinds: each list given narrows it (all of them must hold; within one list, any id).' })
export class WebhookFilter {
  @MaxItems(20) @Field(() => [ID], { description: 'Changes to these agreements and to their commitments.' }) agreementIds: string[];
  @MaxItems(20) @Field(() => [ID], { description: 'Changes to these parties and to commitments with one of them.' }) partyIds: string[];
  @MaxItems(20) @Field(() => [ID], { description: 'Changes to these themes and to commitments with one of them.' }) themeIds: string[];
}

@ObjectType({ description: "An address the workspace's changes are POSTed to, signed as Standard Webhooks specifies." })
export class WebhookEndpoint {
  @Field(() => ID) id: string;
  @Field() url: string;
  @MaxItems(100) @Field(() => [String], { description: 'The change kinds (activity verbs, such as commitment.status_changed) it gets.' }) kinds: string[];
  @Field(() => WebhookFilter) filter: WebhookFilter;
  @Field({ description: 'False once it was disabled (after a day of failed retries); updateWebhookEndpoint(enabled: true) resumes it where it stopped.' }) enabled: boolean;
  @Field(() => Date, { nullable: true }) disabledAt: Date | null;
  @Field(() => String, { nullable: true }) disabledReason: string | null;
  @Field({ description: 'The id of the last change it took (delivered, or not of its kinds); the next ones go in order after it.' }) lastActivityId: string;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'One change sent to one endpoint: its last attempt, and how many there were.' })
export class WebhookDelivery {
  @Field(() => ID) id: string;
  @Field(() => ID) endpointId: string;
  @Field({ description: 'The change (activity id); also the webhook-id header.' }) activityId: string;
  @Field(() => WebhookDeliveryStatus) status: WebhookDeliveryStatus;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status, when it answered." }) responseCode: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int, { description: 'Attempts so far, retries and redeliveries included.' }) attempts: number;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' }) durationMs: number | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When an attempt last succeeded.' }) deliveredAt: Date | null;
  @Field({ description: 'When the last attempt was made.' }) attemptedAt: Date;
}
