import { Permission } from '@pactwatch/domain';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Commitment } from '../commitments/commitment.model';
import { Evidence } from '../evidence/evidence.model';
import { EvidenceService } from '../evidence/evidence.service';
import { CreateIndicatorInput, CreateIndicatorPayload, RecordObservationInput, RecordObservationPayload } from './dto/indicator.inputs';
import { Indicator } from './indicator.model';
import { IndicatorsService } from './indicators.service';
import { Observation } from './observation.model';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver(() => Indicator)
export class IndicatorsResolver {
  constructor(private readonly indicatorsService: IndicatorsService) {}

  @Mutation(() => CreateIndicatorPayload)
  @Access(Permission.WRITE)
  createIndicator(@Args('input') input: CreateIndicatorInput, @CurrentCaller() caller: Caller) {
    return this.indicatorsService.create(caller, input);
  }

  @Mutation(() => RecordObservationPayload, { description: 'Records a dated value; a second value for the same date revises the first, which is kept.' })
  @Access(Permission.WRITE)
  recordObservation(@Args('input') input: RecordObservationInput, @CurrentCaller() caller: Caller) {
    return this.indicatorsService.record(caller, input);
  }

  @MaxItems(100)
  @ResolveField(() => [Observation], { description: 'Every value, revisions included, oldest date first.' })
  observations(@Parent() i: Indicator, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.indicatorsService.observationsOf(loaders, caller.workspaceId, i.id);
  }

  @ResolveField(() => Observation, { nullable: true, description: 'The current value for the latest date.' })
  async latestObservation(@Parent() i: Indicator, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    const all = await this.indicatorsService.observationsOf(loaders, caller.workspaceId, i.id);
    return all.filter((o) => o.current).at(-1) ?? null;
  }
}

@Resolver(() => Observation)
export class ObservationResolver {
  constructor(private readonly evidenceService: EvidenceService) {}

  @ResolveField(() => Evidence, { nullable: true })
  evidence(@Parent() o: Observation, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return o.evidenceId ? this.evidenceService.evidenceById(loaders, caller.workspaceId, o.evidenceId) : null;
  }
}

@Resolver(() => Commitment)
export class CommitmentIndicatorsResolver {
  constructor(private readonly indicatorsService: IndicatorsService) {}

  @MaxItems(20)
  @ResolveField(() => [Indicator], { description: 'The figures tracked for this commitment.' })
  indicators(@Parent() c: Commitment, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.indicatorsService.indicatorsOf(loaders, caller.workspaceId, c.id);
  }
}
