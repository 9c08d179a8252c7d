import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

@Module({ imports: [ActivityModule], providers: [EvidenceService, EvidenceResolver], exports: [EvidenceService] })
export class EvidenceModule {}
