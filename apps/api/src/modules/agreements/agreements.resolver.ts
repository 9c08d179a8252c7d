import { Permission } from '@pactwatch/domain';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Commitment } from '../commitments/commitment.model';
import { Evidence } from '../evidence/evidence.model';
import { EvidenceService } from '../evidence/evidence.service';
import { DetachEvidencePayload } from '../evidence/dto/evidence.payloads';
import { PartiesService } from '../parties/parties.service';
import { Party } from '../parties/party.model';
import { Person } from '../parties/person.model';
import { Agreement, AgreementConnection } from './agreement.model';
import { AgreementsService } from './agreements.service';
import { ArchiveAgreementPayload, CreateAgreementPayload, RestoreAgreementPayload, UpdateAgreementPayload } from './dto/agreement.payloads';
import { ArchiveAgreementInput, RestoreAgreementInput } from './dto/archive-agreement.input';
import { AgreementsArgs } from './dto/agreements.args';
import { CreateAgreementInput } from './dto/create-agreement.input';
import { UpdateAgreementInput } from './dto/update-agreement.input';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(
    private readonly agreementsService: AgreementsService,
    private readonly partiesService: PartiesService,
    private readonly evidenceService: EvidenceService,
  ) {}

  @Query(() => AgreementConnection, { description: 'Agreements of the workspace, newest first.' })
  @Access(Permission.READ)
  agreements(@Args() args: AgreementsArgs, @CurrentCaller() caller: Caller) {
    return this.agreementsService.list(caller, args);
  }

  @Query(() => Agreement, { description: 'One agreement; NOT_FOUND when there is none with this id.' })
  @Access(Permission.READ)
  agreement(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller) {
    return this.agreementsService.findOne(caller, id);
  }

  @Mutation(() => CreateAgreementPayload)
  @Access(Permission.WRITE)
  createAgreement(@Args('input') input: CreateAgreementInput, @CurrentCaller() caller: Caller) {
    return this.agreementsService.create(caller, input);
  }

  @Mutation(() => UpdateAgreementPayload, { description: 'Fails with CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updateAgreement(@Args('input') input: UpdateAgreementInput, @CurrentCaller() caller: Caller) {
    return this.agreementsService.update(caller, input);
  }

  @Mutation(() => ArchiveAgreementPayload, { description: 'Archives an agreement (never deletes it); CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  archiveAgreement(@Args('input') input: ArchiveAgreementInput, @CurrentCaller() caller: Caller) {
    return this.agreementsService.setArchived(caller, input, true);
  }

  @Mutation(() => RestoreAgreementPayload, { description: 'Restores an archived agreement; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  restoreAgreement(@Args('input') input: RestoreAgreementInput, @CurrentCaller() caller: Caller) {
    return this.agreementsService.setArchived(caller, input, false);
  }

  @MaxItems(50)
  @ResolveField(() => [Party])
  parties(@Parent() a: Agreement, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.partiesService.partiesOf(loaders, caller.workspaceId, 'agreement', a.id);
  }

  @MaxItems(100)
  @ResolveField(() => [Person])
  participants(@Parent() a: Agreement, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.partiesService.participantsOf(loaders, caller.workspaceId, a.id);
  }

  @MaxItems(100)
  @ResolveField(() => [Evidence], { description: 'The sources that record the agreement.' })
  sources(@Parent() a: Agreement, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.evidenceService.sourcesOf(loaders, caller.workspaceId, a.id);
  }
}

@Resolver(() => DetachEvidencePayload)
export class DetachEvidencePayloadAgreementResolver {
  constructor(private readonly agreementsService: AgreementsService) {}

  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement the source was taken off; null for a commitment.' })
  agreement(@Parent() payload: DetachEvidencePayload, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return payload.agreementId ? this.agreementsService.agreementById(loaders, caller.workspaceId, payload.agreementId) : null;
  }
}

@Resolver(() => Commitment)
export class CommitmentAgreementResolver {
  constructor(private readonly agreementsService: AgreementsService) {}

  @ResolveField(() => Agreement)
  agreement(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.agreementsService.agreementById(loaders, caller.workspaceId, c.agreementId);
  }
}
