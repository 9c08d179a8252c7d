import { Permission } from '@pactwatch/domain';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Needs, PageNeeds, Selected, SelectedNames } from '../../common/graphql/selection';
import { Agreement } from '../agreements/agreement.model';
import { AddEvidencePayload, DetachEvidencePayload } from '../evidence/dto/evidence.payloads';
import { Evidence, EvidenceConnection } from '../evidence/evidence.model';
import { EvidenceService } from '../evidence/evidence.service';
import { Organization } from '../parties/organization.model';
import { PartiesService } from '../parties/parties.service';
import { Party } from '../parties/party.model';
import { Person } from '../parties/person.model';
import { Theme } from '../themes/theme.model';
import { ThemesService } from '../themes/themes.service';
import { CommitmentChangesService } from './commitment-changes.service';
import { CommitmentLink } from './commitment-link.model';
import { Commitment, CommitmentConnection } from './commitment.model';
import { CommitmentsService } from './commitments.service';
import { ChangeCommitmentStatusInput } from './dto/change-commitment-status.input';
import { ArchiveCommitmentInput, RestoreCommitmentInput } from './dto/archive-commitment.input';
import {
  ArchiveCommitmentPayload,
  ChangeCommitmentStatusPayload,
  CreateCommitmentPayload,
  LinkCommitmentsPayload,
  RecordProgressPayload,
  RestoreCommitmentPayload,
  UnlinkCommitmentsPayload,
  UpdateCommitmentPayload,
} from './dto/commitment.payloads';
import { CommitmentsArgs } from './dto/commitments.args';
import { CreateCommitmentInput } from './dto/create-commitment.input';
import { LinkCommitmentsInput, UnlinkCommitmentsInput } from './dto/link-commitments.input';
import { RecordProgressInput } from './dto/record-progress.input';
import { UpdateCommitmentInput } from './dto/update-commitment.input';
import { StatusChange, StatusChangeConnection } from './status-change.model';
import { StatusCountGroup, StatusCountsArgs } from './status-counts.model';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(
    private readonly commitmentsService: CommitmentsService,
    private readonly changesService: CommitmentChangesService,
    private readonly evidenceService: EvidenceService,
    private readonly partiesService: PartiesService,
    private readonly themesService: ThemesService,
  ) {}

  @Query(() => CommitmentConnection, { description: 'Commitments of the workspace: filtered, ordered, a page at a time.' })
  @Access(Permission.READ)
  commitments(@Args() args: CommitmentsArgs, @CurrentCaller() caller: Caller) {
    return this.commitmentsService.list(caller, args);
  }

  // One group per party (as many as `parties` lists at most) or per theme (fewer).
  @MaxItems(500)
  @Query(() => [StatusCountGroup], {
    description: 'Commitments counted by status for each party or theme (groupBy), under the same filter as commitments, in one request: the dashboard charts.',
  })
  @Access(Permission.READ)
  commitmentStatusCounts(@Args() args: StatusCountsArgs, @CurrentCaller() caller: Caller) {
    return this.commitmentsService.statusCounts(caller, args);
  }

  @Query(() => Commitment, { description: 'One commitment; NOT_FOUND when there is none with this id.' })
  @Access(Permission.READ)
  commitment(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.commitmentsService.findOne(caller, id);
  }

  @Mutation(() => CreateCommitmentPayload)
  @Access(Permission.WRITE)
  createCommitment(@Args('input') input: CreateCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.changesService.create(caller, input);
  }

  @Mutation(() => UpdateCommitmentPayload)
  @Access(Permission.WRITE)
  updateCommitment(@Args('input') input: UpdateCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.changesService.update(caller, input);
  }

  @Mutation(() => RecordProgressPayload, { description: 'Records a progress note with its sources without changing the status (see RecordProgressInput).' })
  @Access(Permission.WRITE)
  recordProgress(@Args('input') input: RecordProgressInput, @CurrentCaller() caller: Caller) {
    return this.changesService.recordProgress(caller, input);
  }

  @Mutation(() => ChangeCommitmentStatusPayload)
  @Access(Permission.WRITE)
  changeCommitmentStatus(@Args('input') input: ChangeCommitmentStatusInput, @CurrentCaller() caller: Caller) {
    return this.changesService.changeStatus(caller, input);
  }

  @Mutation(() => LinkCommitmentsPayload)
  @Access(Permission.WRITE)
  linkCommitments(@Args('input') input: LinkCommitmentsInput, @CurrentCaller() caller: Caller) {
    return this.changesService.link(caller, input);
  }

  @Mutation(() => UnlinkCommitmentsPayload)
  @Access(Permission.WRITE)
  unlinkCommitments(@Args('input') input: UnlinkCommitmentsInput, @CurrentCaller() caller: Caller) {
    return this.changesService.unlink(caller, input);
  }

  @Mutation(() => ArchiveCommitmentPayload, { description: 'Archives a commitment (never deletes it); CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  archiveCommitment(@Args('input') input: ArchiveCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.changesService.setArchived(caller, input, true);
  }

  @Mutation(() => RestoreCommitmentPayload, { description: 'Restores an archived commitment; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  restoreCommitment(@Args('input') input: RestoreCommitmentInput, @CurrentCaller() caller: Caller) {
    return this.changesService.setArchived(caller, input, false);
  }

  @MaxItems(20)
  @ResolveField(() => [Party], { description: 'The committing parties.' })
  parties(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.partiesService.partiesOf(loaders, caller.workspaceId, 'commitment', c.id);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The organization that owns the commitment.' })
  owner(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return c.ownerOrganizationId ? this.partiesService.organizationById(loaders, caller.workspaceId, c.ownerOrganizationId) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The official who owns the commitment.' })
  ownerPerson(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return c.ownerPersonId ? this.partiesService.personById(loaders, caller.workspaceId, c.ownerPersonId) : null;
  }

  @MaxItems(20)
  @ResolveField(() => [Theme])
  themes(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.themesService.themesOf(loaders, caller.workspaceId, c.id);
  }

  @ResolveField(() => EvidenceConnection, { description: 'Sources, newest first.' })
  evidence(
    @Parent() c: Commitment,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentCaller() caller: Caller,
    @Loaders() loaders: RequestLoaders,
    @Selected('edges.node') fields: ReadonlySet<string> | null,
    @Needs() needs: PageNeeds,
  ) {
    return this.evidenceService.evidencePage(loaders, caller.workspaceId, c.id, first, after, fields, needs);
  }

  @ResolveField(() => StatusChangeConnection, { description: 'Status history, newest first.' })
  statusHistory(
    @Parent() c: Commitment,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentCaller() caller: Caller,
    @Loaders() loaders: RequestLoaders,
    @Needs() needs: PageNeeds,
  ) {
    return this.commitmentsService.statusHistory(loaders, caller.workspaceId, c.id, first, after, needs);
  }

  @ResolveField(() => StatusChange, { nullable: true, description: 'The status change the current status comes from (progress notes aside).' })
  latestStatusChange(
    @Parent() c: Commitment,
    @CurrentCaller() caller: Caller,
    @Loaders() loaders: RequestLoaders,
    @SelectedNames('') fields: ReadonlySet<string> | null,
  ) {
    return this.commitmentsService.latestStatusChange(loaders, caller.workspaceId, c.id, fields);
  }

  @MaxItems(50)
  @ResolveField(() => [CommitmentLink], { description: 'Links to other commitments, such as the reciprocal one of the other side: at most 50 (linkCommitments refuses more).' })
  links(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.commitmentsService.linksOf(loaders, caller.workspaceId, c.id);
  }
}

@Resolver(() => CommitmentLink)
export class CommitmentLinkResolver {
  constructor(private readonly commitmentsService: CommitmentsService) {}

  @ResolveField(() => Commitment, { description: 'The commitment at the other end of the link.' })
  commitment(@Parent() link: CommitmentLink, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.commitmentsService.commitmentById(loaders, caller.workspaceId, link.otherCommitmentId);
  }
}

@Resolver(() => StatusChange)
export class StatusChangeResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @MaxItems(30)
  @ResolveField(() => [Evidence], { description: 'The sources given with this change.' })
  evidence(@Parent() change: StatusChange, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.evidenceService.evidenceOfStatusChange(loaders, caller.workspaceId, change.id);
  }
}

@Resolver(() => AddEvidencePayload)
export class AddEvidencePayloadResolver {
  constructor(private readonly commitmentsService: CommitmentsService) {}

  @ResolveField(() => Commitment, { nullable: true, description: 'The commitment the source was added to.' })
  commitment(@Parent() payload: AddEvidencePayload, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return payload.commitmentId ? this.commitmentsService.commitmentById(loaders, caller.workspaceId, payload.commitmentId) : null;
  }
}

@Resolver(() => DetachEvidencePayload)
export class DetachEvidencePayloadResolver {
  constructor(private readonly commitmentsService: CommitmentsService) {}

  @ResolveField(() => Commitment, { nullable: true, description: 'The commitment the source was taken off; null for an agreement.' })
  commitment(@Parent() payload: DetachEvidencePayload, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return payload.commitmentId ? this.commitmentsService.commitmentById(loaders, caller.workspaceId, payload.commitmentId) : null;
  }
}

@Resolver(() => Agreement)
export class AgreementCommitmentsResolver {
  constructor(private readonly commitmentsService: CommitmentsService) {}

  @ResolveField(() => CommitmentConnection, { description: 'Its commitments, in the order they were recorded.' })
  commitments(
    @Parent() a: Agreement,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentCaller() caller: Caller,
    @Loaders() loaders: RequestLoaders,
    @Needs() needs: PageNeeds,
    @SelectedNames('edges.node') fields: ReadonlySet<string> | null,
  ) {
    return this.commitmentsService.commitmentsOfAgreement(loaders, caller.workspaceId, a.id, first, after, needs, fields);
  }
}
