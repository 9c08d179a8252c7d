import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { PartiesModule } from '../parties/parties.module';
import { ThemesModule } from '../themes/themes.module';
import { CommitmentChangesService } from './commitment-changes.service';
import {
  AddEvidencePayloadResolver,
  AgreementCommitmentsResolver,
  CommitmentLinkResolver,
  CommitmentsResolver,
  DetachEvidencePayloadResolver,
  StatusChangeResolver,
} from './commitments.resolver';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [ActivityModule, EvidenceModule, PartiesModule, ThemesModule],
  providers: [
    CommitmentsService,
    CommitmentChangesService,
    CommitmentsResolver,
    CommitmentLinkResolver,
    StatusChangeResolver,
    AddEvidencePayloadResolver,
    DetachEvidencePayloadResolver,
    AgreementCommitmentsResolver,
  ],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
