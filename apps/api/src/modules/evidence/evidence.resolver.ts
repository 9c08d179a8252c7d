import { Permission } from '@pactwatch/domain';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { AddEvidenceInput } from './dto/add-evidence.input';
import { ArchiveEvidenceInput, DetachEvidenceInput } from './dto/archive-evidence.input';
import { AddEvidencePayload, ArchiveEvidencePayload, DetachEvidencePayload, UpdateEvidencePayload } from './dto/evidence.payloads';
import { UpdateEvidenceInput } from './dto/update-evidence.input';
import { Evidence, LinkCheck } from './evidence.model';
import { EvidenceService } from './evidence.service';

@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @Mutation(() => AddEvidencePayload, { description: 'Adds a source to a commitment or to an agreement.' })
  @Access(Permission.WRITE)
  addEvidence(@Args('input') input: AddEvidenceInput, @CurrentCaller() caller: Caller) {
    return this.evidenceService.add(caller, input);
  }

  @Mutation(() => UpdateEvidencePayload, { description: 'Corrects a source; fails with CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updateEvidence(@Args('input') input: UpdateEvidenceInput, @CurrentCaller() caller: Caller) {
    return this.evidenceService.update(caller, input);
  }

  @Mutation(() => DetachEvidencePayload, { description: 'Removes a source from a commitment or from an agreement; the source and the status changes that cite it stay.' })
  @Access(Permission.WRITE)
  detachEvidence(@Args('input') input: DetachEvidenceInput, @CurrentCaller() caller: Caller) {
    return this.evidenceService.detach(caller, input);
  }

  @Mutation(() => ArchiveEvidencePayload, {
    description: 'Archives a source (never deletes it): it leaves every commitment and agreement, and stays on the status changes that cite it. CONFLICT on a stale expectedVersion.',
  })
  @Access(Permission.WRITE)
  archiveEvidence(@Args('input') input: ArchiveEvidenceInput, @CurrentCaller() caller: Caller) {
    return this.evidenceService.archive(caller, input);
  }
}

/** The check is read as one JSON column (see EVIDENCE_FIELDS): its time comes as text. */
@Resolver(() => LinkCheck)
export class LinkCheckResolver {
  @ResolveField(() => Date)
  checkedAt(@Parent() check: { checkedAt: string | Date }): Date {
    return check.checkedAt instanceof Date ? check.checkedAt : new Date(check.checkedAt);
  }
}
