import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { EvidenceResolver, LinkCheckResolver } from './evidence.resolver';
import { LinkCheckRunnerService } from './link-check-runner.service';
import { EvidenceService } from './evidence.service';

@Module({ imports: [ActivityModule], providers: [EvidenceService, EvidenceResolver, LinkCheckResolver, LinkCheckRunnerService], exports: [EvidenceService, LinkCheckRunnerService] })
export class EvidenceModule {}
