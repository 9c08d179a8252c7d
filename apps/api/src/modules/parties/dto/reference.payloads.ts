import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { checkLabel } from '@pactwatch/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';
import { Organization } from '../organization.model';
import { Party } from '../party.model';
import { Person } from '../person.model';

@ObjectType()
export class PartyPayload {
  @Field(() => Party) party: Party;
}

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization) organization: Organization;
}

@ObjectType()
export class PersonPayload {
  @Field(() => Person) person: Person;
}

@ArgsType()
export class ReferenceListArgs {
  @Field({ defaultValue: false, description: 'Also the archived ones (pickers leave them out).' }) @IsBoolean()
  includeArchived: boolean = false;
}

@ArgsType()
export class CountriesArgs {
  @Field(() => String, { nullable: true, description: 'Words of the code or the English or Spanish name, accents and case aside.' })
  @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { max: 100 }))
  search?: string | null;
}
