import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { OrganizationResolver, PartiesResolver, PersonResolver } from './parties.resolver';
import { PartiesService } from './parties.service';
import { ReferenceDataService } from './reference-data.service';

@Module({
  imports: [ActivityModule],
  providers: [PartiesService, ReferenceDataService, PartiesResolver, OrganizationResolver, PersonResolver],
  exports: [PartiesService],
})
export class PartiesModule {}
