import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { GqlContext } from '../../common/context/gql-context';
import { CommitmentsService } from '../commitments/commitments.service';
import { PresenceViewer } from './presence.model';
import { PresenceService } from './presence.service';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver()
export class PresenceResolver {
  constructor(
    private readonly presenceService: PresenceService,
    private readonly commitments: CommitmentsService,
  ) {}

  @MaxItems(50)
  @Subscription(() => [PresenceViewer], {
    description:
      'Who is looking at the commitment, on any API instance: the list now, then again whenever it changes. While open, your own subscription counts you in (people only, not API keys); closing it (or the tab) takes you out.',
    resolve: (viewers: PresenceViewer[]) => viewers,
  })
  @Access(Permission.READ)
  async presence(@Args('commitmentId', { type: () => ID }) commitmentId: string, @Context() ctx: GqlContext) {
    const caller = ctx.req.caller;
    if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
    await this.commitments.findOne(caller, commitmentId, undefined, 'commitmentId');
    return this.presenceService.watch(caller, commitmentId);
  }
}
