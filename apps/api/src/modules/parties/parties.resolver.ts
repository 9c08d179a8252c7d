import { Permission } from '@pactwatch/domain';
import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { Organization } from './organization.model';
import { PartiesService } from './parties.service';
import { Party } from './party.model';
import { Person } from './person.model';
import { MaxItems } from '../../common/security/list-bounds';

@Resolver(() => Party)
export class PartiesResolver {
  constructor(private readonly partiesService: PartiesService) {}

  @MaxItems(500)
  @Query(() => [Party], { description: 'Every party of the workspace, by code.' })
  @Access(Permission.READ)
  parties(@CurrentCaller() caller: Caller) {
    return this.partiesService.listParties(caller.workspaceId);
  }

  @MaxItems(500)
  @Query(() => [Organization], { description: 'Every agency and ministry, by acronym.' })
  @Access(Permission.READ)
  organizations(@CurrentCaller() caller: Caller) {
    return this.partiesService.listOrganizations(caller.workspaceId);
  }

  @MaxItems(1000)
  @Query(() => [Person], { description: 'Every official, by name.' })
  @Access(Permission.READ)
  people(@CurrentCaller() caller: Caller) {
    return this.partiesService.listPeople(caller.workspaceId);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly partiesService: PartiesService) {}

  @ResolveField(() => Party)
  party(@Parent() org: Organization, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.partiesService.partyById(loaders, caller.workspaceId, org.partyId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly partiesService: PartiesService) {}

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() person: Person, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return person.organizationId ? this.partiesService.organizationById(loaders, caller.workspaceId, person.organizationId) : null;
  }
}
