import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MAX_ASSIGNEES_PER_COMMITMENT, Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { Caller } from '../../common/context/gql-context';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { MaxItems } from '../../common/security/list-bounds';
import { MemberRef } from '../comments/comment.model';
import { Notification } from '../comments/notification.model';
import { Commitment } from '../commitments/commitment.model';
import { CommitmentsService } from '../commitments/commitments.service';
import { AssigneesService } from './assignees.service';
import { AssignCommitmentInput, UnassignCommitmentInput } from './dto/assign-commitment.input';
import { AssignCommitmentPayload, UnassignCommitmentPayload } from './dto/assignee.payloads';

@Resolver(() => Commitment)
export class AssigneesResolver {
  constructor(private readonly assigneesService: AssigneesService) {}

  @Mutation(() => AssignCommitmentPayload, {
    description: 'Makes a member responsible for a commitment: notifies them and has them watch it. Assigning again changes nothing (changed: false).',
  })
  @Access(Permission.WRITE)
  assignCommitment(@Args('input') input: AssignCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.assigneesService.assign(caller, input);
  }

  @Mutation(() => UnassignCommitmentPayload, { description: 'Takes a member off a commitment; a member not assigned changes nothing (changed: false).' })
  @Access(Permission.WRITE)
  unassignCommitment(@Args('input') input: UnassignCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.assigneesService.unassign(caller, input);
  }

  @MaxItems(MAX_ASSIGNEES_PER_COMMITMENT)
  @ResolveField(() => [MemberRef], { description: `The members responsible for it, by name: at most ${MAX_ASSIGNEES_PER_COMMITMENT} (assignCommitment refuses more).` })
  assignees(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.assigneesService.assigneesOf(loaders, caller.workspaceId, c.id);
  }
}

@Resolver(() => Notification)
export class NotificationCommitmentResolver {
  constructor(private readonly commitmentsService: CommitmentsService) {}

  @ResolveField(() => Commitment, { nullable: true, description: 'ASSIGNED, DUE_SOON, OVERDUE: the commitment you were assigned or reminded of; null for a mention.' })
  commitment(@Parent() n: Notification, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return n.commitmentId ? this.commitmentsService.commitmentById(loaders, caller.workspaceId, n.commitmentId) : null;
  }
}
