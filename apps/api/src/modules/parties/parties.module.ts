import { Module } from '@nestjs/common';
import { OrganizationResolver, PartiesResolver, PersonResolver } from './parties.resolver';
import { PartiesService } from './parties.service';

@Module({ providers: [PartiesService, PartiesResolver, OrganizationResolver, PersonResolver], exports: [PartiesService] })
export class PartiesModule {}
