import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Caller } from '../../common/context/gql-context';
import { MaxItems } from '../../common/security/list-bounds';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookInput,
  RedeliverWebhookPayload,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookEndpointPayload,
} from './dto/webhook-endpoint.inputs';
import { WebhookDelivery, WebhookEndpoint } from './webhook.models';
import { WebhooksService } from './webhooks.service';

/** Webhooks are for owners and admins (who manage keys): where the workspace's changes go. */
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @MaxItems(200)
  @Query(() => [WebhookEndpoint], { description: "The workspace's webhook endpoints, newest first." })
  @Access(Permission.MANAGE_KEYS)
  webhookEndpoints(@CurrentCaller() caller: Caller) {
    return this.webhooks.list(caller);
  }

  @Query(() => [WebhookDelivery], { description: "An endpoint's deliveries, newest first: each change's last attempt and how many there were." })
  @Access(Permission.MANAGE_KEYS)
  webhookDeliveries(@Args() args: WebhookDeliveriesArgs, @CurrentCaller() caller: Caller) {
    return this.webhooks.deliveries(caller, args);
  }

  @Mutation(() => CreateWebhookEndpointPayload, { description: 'Registers an endpoint; it gets the changes made from now on. The signing secret is shown this once.' })
  @Access(Permission.MANAGE_KEYS)
  createWebhookEndpoint(@Args('input') input: CreateWebhookEndpointInput, @CurrentCaller() caller: Caller) {
    return this.webhooks.create(caller, input);
  }

  @Mutation(() => WebhookEndpointPayload, { description: 'Changes an endpoint, or disables or re-enables it; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.MANAGE_KEYS)
  async updateWebhookEndpoint(@Args('input') input: UpdateWebhookEndpointInput, @CurrentCaller() caller: Caller) {
    return { endpoint: await this.webhooks.update(caller, input) };
  }

  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Deletes an endpoint and its delivery log.' })
  @Access(Permission.MANAGE_KEYS)
  async deleteWebhookEndpoint(@Args('input') input: DeleteWebhookEndpointInput, @CurrentCaller() caller: Caller) {
    await this.webhooks.remove(caller, input);
    return { removedEndpointId: input.id };
  }

  @Mutation(() => RedeliverWebhookPayload, { description: "Sends a delivery's change again, now (a new attempt on it), whatever became of the earlier ones." })
  @Access(Permission.MANAGE_KEYS)
  async redeliverWebhook(@Args('input') input: RedeliverWebhookInput, @CurrentCaller() caller: Caller) {
    return { delivery: await this.webhooks.redeliver(caller, input.deliveryId) };
  }
}
