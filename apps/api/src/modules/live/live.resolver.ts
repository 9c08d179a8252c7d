import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { canSeeActivity, DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { GqlContext } from '../../common/context/gql-context';
import { Activity, ActorKind } from '../activity/activity.model';
import { Commitment } from '../commitments/commitment.model';
import { CommitmentsService } from '../commitments/commitments.service';
import { ActivityFilter, matchesFilter } from './activity-filter.input';
import { LiveConnections } from './live-connections';
import { LiveEvent, LiveEventsService } from './live-events.service';
import { mapEach } from './live-iterator';

function toActivity(e: LiveEvent): Activity {
  return {
    id: e.id,
    actorType: e.actorType as ActorKind,
    actorLabel: e.actorLabel,
    verb: e.verb,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
    createdAt: e.createdAt,
    commitmentId: e.commitmentId,
    agreementId: e.agreementId,
  };
}

@Resolver()
export class LiveResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly commitments: CommitmentsService,
    private readonly connections: LiveConnections,
  ) {}

  @Subscription(() => Activity, {
    description:
      'Changes of the workspace as they commit, on any API instance, as `activity` shows them to you. Pass the id of the last change you saw as `since` to get what you missed first (after a reconnect).',
    resolve: (activity: Activity) => activity,
  })
  @Access(Permission.READ)
  activityAdded(
    @Context() ctx: GqlContext,
    @Args('filter', { type: () => ActivityFilter, nullable: true }) filter?: ActivityFilter | null,
    @Args('since', { type: () => ID, nullable: true }) since?: string | null,
  ) {
    if (since != null && !/^\d{1,18}$/.test(since)) throw DomainError.badInput([{ field: 'since', message: 'since must be an activity id' }]);
    const caller = ctx.req.caller;
    if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
    const matches = matchesFilter(filter);
    // What the caller's role or key could not see through the admin queries stays out of its feed too.
    const visible = (e: LiveEvent) => canSeeActivity(caller.permissions, e.verb) && matches(e);
    return mapEach(this.live.events(caller.workspaceId, this.connections.guard(ctx.req, visible), since ?? null), ctx, toActivity);
  }

  @Subscription(() => Commitment, {
    description: 'The commitment, each time it or its evidence, figures, links or comments change.',
    resolve: (commitment: Commitment) => commitment,
  })
  @Access(Permission.READ)
  async commitmentChanged(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext) {
    const caller = ctx.req.caller;
    if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
    await this.commitments.findOne(caller, id);
    const concerned = this.connections.guard(ctx.req, (e: LiveEvent) => e.commitmentId === id);
    return mapEach(this.live.events(caller.workspaceId, concerned, null), ctx, () => this.commitments.findOne(caller, id));
  }
}
