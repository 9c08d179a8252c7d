import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { CommitmentIndicatorsResolver, IndicatorsResolver, ObservationResolver } from './indicators.resolver';
import { IndicatorsService } from './indicators.service';

@Module({
  imports: [ActivityModule, EvidenceModule],
  providers: [IndicatorsService, IndicatorsResolver, ObservationResolver, CommitmentIndicatorsResolver],
})
export class IndicatorsModule {}
