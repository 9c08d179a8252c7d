import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { Caller, GqlContext } from '../../common/context/gql-context';
import { personOf } from '../../common/context/person';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Me } from '../auth/dto/auth.inputs';
import { Commitment } from '../commitments/commitment.model';
import { DigestAdminService } from './digest-admin.service';
import { DigestDelivery, DigestPreview, DigestRunResult, DigestSubscription, OutboxMessage, Watch } from './digest.models';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import {
  AddDigestRecipientInput,
  ConfirmDigestRecipientInput,
  DigestScheduleInput,
  DigestSubscriptionPayload,
  RemoveDigestRecipientInput,
  RemoveDigestRecipientPayload,
  UnwatchInput,
  UnwatchPayload,
  WatchFilterInput,
  WatchInput,
  WatchPayload,
} from './dto/digest.inputs';
import { WatchesService } from './watches.service';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver()
export class DigestsResolver {
  constructor(
    private readonly watches: WatchesService,
    private readonly subscriptions: DigestSubscriptionsService,
    private readonly admin: DigestAdminService,
  ) {}

  @Mutation(() => WatchPayload, { description: 'Follow a commitment, agreement, party or theme in your digests.' })
  @Access(Permission.READ, { person: true })
  async watch(@Args('input') input: WatchInput, @CurrentCaller() caller: Caller) {
    return { watch: await this.watches.watch(caller, input.subjectType, input.subjectId) };
  }

  @Mutation(() => WatchPayload, { description: 'Follow whatever matches a commitment filter.' })
  @Access(Permission.READ, { person: true })
  async watchFilter(@Args('input') input: WatchFilterInput, @CurrentCaller() caller: Caller) {
    return { watch: await this.watches.watchFilter(caller, input.name, input.filter) };
  }

  @Mutation(() => UnwatchPayload)
  @Access(Permission.READ, { person: true })
  async unwatch(@Args('input') input: UnwatchInput, @CurrentCaller() caller: Caller) {
    await this.watches.unwatch(caller, input.watchId);
    return { removedWatchId: input.watchId };
  }

  @Query(() => DigestSubscription, { description: 'Your digest settings in this workspace (OFF until you choose or first watch something).' })
  @Access(Permission.READ, { person: true })
  myDigestSubscription(@CurrentCaller() caller: Caller) {
    return this.subscriptions.mine(caller.workspaceId, personOf(caller, 'Digest settings'));
  }

  @Mutation(() => DigestSubscriptionPayload)
  @Access(Permission.READ, { person: true })
  async updateMyDigestSubscription(@Args('input') input: DigestScheduleInput, @CurrentCaller() caller: Caller) {
    return { subscription: await this.subscriptions.updateMine(caller, personOf(caller, 'Digest settings'), input) };
  }

  @Query(() => DigestPreview, { description: 'The digest you would get now: changes since your last one, limited to what you watch.' })
  @Access(Permission.READ, { person: true })
  digestPreview(@CurrentCaller() caller: Caller) {
    return this.admin.preview(caller, personOf(caller, 'Digest settings'));
  }

  @MaxItems(500)
  @Query(() => [DigestSubscription], { description: 'Outside recipients of digests (people without an account).' })
  @Access(Permission.MANAGE_MEMBERS)
  digestRecipients(@CurrentCaller() caller: Caller) {
    return this.subscriptions.recipients(caller);
  }

  @Mutation(() => DigestSubscriptionPayload, { description: 'Adds an outside recipient; they confirm by an emailed link before anything is sent.' })
  @Access(Permission.MANAGE_MEMBERS)
  async addDigestRecipient(@Args('input') input: AddDigestRecipientInput, @CurrentCaller() caller: Caller) {
    return { subscription: await this.subscriptions.addRecipient(caller, input) };
  }

  @Mutation(() => DigestSubscriptionPayload, { description: 'The emailed confirmation of an outside recipient (also at GET /digests/confirm).' })
  @Access('PUBLIC')
  async confirmDigestRecipient(@Args('input') input: ConfirmDigestRecipientInput) {
    return { subscription: await this.subscriptions.confirmRecipient(input.token) };
  }

  @Mutation(() => RemoveDigestRecipientPayload, { description: 'Removes an outside recipient.' })
  @Access(Permission.MANAGE_MEMBERS)
  async removeDigestRecipient(@Args('input') input: RemoveDigestRecipientInput, @CurrentCaller() caller: Caller) {
    await this.subscriptions.removeRecipient(caller, input.subscriptionId);
    return { removedSubscriptionId: input.subscriptionId };
  }

  @Mutation(() => DigestRunResult, { description: "Runs this workspace's digests now: what is due is sent once, as the scheduled run would." })
  @Access(Permission.MANAGE_MEMBERS)
  runDigests(@CurrentCaller() caller: Caller) {
    return this.admin.run(caller);
  }

  @Query(() => [DigestDelivery], { description: 'The delivery log of this workspace, newest first; FAILED ones say why.' })
  @Access(Permission.MANAGE_MEMBERS)
  digestDeliveries(@Args('first', { type: () => Int }) first: number, @CurrentCaller() caller: Caller) {
    return this.admin.deliveries(caller, first);
  }

  @Query(() => [OutboxMessage], { description: 'Mail the local outbox holds (without SMTP_URL) for people of this workspace, newest first.' })
  @Access(Permission.MANAGE_MEMBERS)
  outbox(@Args('first', { type: () => Int }) first: number, @CurrentCaller() caller: Caller) {
    return this.admin.outbox(caller, first);
  }
}

@Resolver(() => Me)
export class MeWatchesResolver {
  constructor(private readonly watchesService: WatchesService) {}

  @MaxItems(500)
  @ResolveField(() => [Watch], { description: 'What you watch in this workspace.' })
  watches(@Parent() me: Me, @Context() ctx: GqlContext) {
    return me.kind === 'USER' && ctx.req.caller ? this.watchesService.list(ctx.req.caller) : [];
  }
}

@Resolver(() => Commitment)
export class CommitmentWatchedResolver {
  constructor(private readonly watches: WatchesService) {}

  @ResolveField(() => Boolean, { description: 'Whether you watch this commitment.' })
  watched(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.watches.watchesCommitment(loaders, caller, c.id);
  }
}
