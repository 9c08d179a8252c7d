import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { PartiesModule } from '../parties/parties.module';
import { AgreementsResolver, CommitmentAgreementResolver, DetachEvidencePayloadAgreementResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';

@Module({
  imports: [ActivityModule, EvidenceModule, PartiesModule],
  providers: [AgreementsService, AgreementsResolver, CommitmentAgreementResolver, DetachEvidencePayloadAgreementResolver],
})
export class AgreementsModule {}
