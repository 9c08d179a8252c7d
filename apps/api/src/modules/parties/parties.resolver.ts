import { Permission } from '@pactwatch/domain';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/context/access.decorator';
import { Caller } from '../../common/context/gql-context';
import { CurrentCaller, Loaders } from '../../common/context/current-caller.decorator';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { MaxItems } from '../../common/security/list-bounds';
import { Country } from './country.model';
import { AddCountryPartyInput, CreatePartyInput, SetPartyArchivedInput, UpdatePartyInput } from './dto/party.inputs';
import { CreateOrganizationInput, SetOrganizationArchivedInput, UpdateOrganizationInput } from './dto/organization.inputs';
import { CreatePersonInput, SetPersonArchivedInput, UpdatePersonInput } from './dto/person.inputs';
import { CountriesArgs, OrganizationPayload, PartyPayload, PersonPayload, ReferenceListArgs } from './dto/reference.payloads';
import { Organization } from './organization.model';
import { PartiesService } from './parties.service';
import { Party } from './party.model';
import { Person } from './person.model';
import { ReferenceDataService } from './reference-data.service';

@Resolver(() => Party)
export class PartiesResolver {
  constructor(
    private readonly partiesService: PartiesService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @MaxItems(500)
  @Query(() => [Party], { description: 'The parties the workspace tracks, by code; archived ones only when asked.' })
  @Access(Permission.READ)
  parties(@Args() args: ReferenceListArgs, @CurrentCaller() caller: Caller) {
    return this.partiesService.listParties(caller.workspaceId, args.includeArchived);
  }

  @MaxItems(300)
  @Query(() => [Country], { description: 'The ISO 3166-1 countries (English and Spanish names from i18n-iso-countries), by code, with the party of those added.' })
  @Access(Permission.READ)
  countries(@Args() args: CountriesArgs, @CurrentCaller() caller: Caller) {
    return this.partiesService.countries(caller.workspaceId, args.search);
  }

  @Mutation(() => PartyPayload, { description: 'Adds a country as a party, named from the country list.' })
  @Access(Permission.WRITE)
  addCountryParty(@Args('input') input: AddCountryPartyInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.addCountryParty(caller, input);
  }

  @Mutation(() => PartyPayload, { description: 'Adds a party that is not a country (EU, UNHCR).' })
  @Access(Permission.WRITE)
  createParty(@Args('input') input: CreatePartyInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.createParty(caller, input);
  }

  @Mutation(() => PartyPayload, { description: 'Renames a party; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updateParty(@Args('input') input: UpdatePartyInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.updateParty(caller, input);
  }

  @Mutation(() => PartyPayload, { description: 'Archives or restores a party; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  setPartyArchived(@Args('input') input: SetPartyArchivedInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.setPartyArchived(caller, input);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly partiesService: PartiesService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @MaxItems(500)
  @Query(() => [Organization], { description: 'Agencies and ministries, by acronym; archived ones only when asked.' })
  @Access(Permission.READ)
  organizations(@Args() args: ReferenceListArgs, @CurrentCaller() caller: Caller) {
    return this.partiesService.listOrganizations(caller.workspaceId, args.includeArchived);
  }

  @Mutation(() => OrganizationPayload)
  @Access(Permission.WRITE)
  createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.createOrganization(caller, input);
  }

  @Mutation(() => OrganizationPayload, { description: 'CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.updateOrganization(caller, input);
  }

  @Mutation(() => OrganizationPayload, { description: 'Archives or restores an organization; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  setOrganizationArchived(@Args('input') input: SetOrganizationArchivedInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.setOrganizationArchived(caller, input);
  }

  @ResolveField(() => Party)
  party(@Parent() org: Organization, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return this.partiesService.partyById(loaders, caller.workspaceId, org.partyId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly partiesService: PartiesService,
    private readonly referenceData: ReferenceDataService,
  ) {}

  @MaxItems(1000)
  @Query(() => [Person], { description: 'Officials, by name; archived ones only when asked.' })
  @Access(Permission.READ)
  people(@Args() args: ReferenceListArgs, @CurrentCaller() caller: Caller) {
    return this.partiesService.listPeople(caller.workspaceId, args.includeArchived);
  }

  @Mutation(() => PersonPayload)
  @Access(Permission.WRITE)
  createPerson(@Args('input') input: CreatePersonInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.createPerson(caller, input);
  }

  @Mutation(() => PersonPayload, { description: 'CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  updatePerson(@Args('input') input: UpdatePersonInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.updatePerson(caller, input);
  }

  @Mutation(() => PersonPayload, { description: 'Archives or restores a person; CONFLICT on a stale expectedVersion.' })
  @Access(Permission.WRITE)
  setPersonArchived(@Args('input') input: SetPersonArchivedInput, @CurrentCaller() caller: Caller) {
    return this.referenceData.setPersonArchived(caller, input);
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() person: Person, @CurrentCaller() caller: Caller, @Loaders() loaders: RequestLoaders) {
    return person.organizationId ? this.partiesService.organizationById(loaders, caller.workspaceId, person.organizationId) : null;
  }
}
