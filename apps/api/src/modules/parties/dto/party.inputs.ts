import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { checkLabel, checkPartyCode, PARTY_CODE_MAX_LENGTH } from '@pactwatch/domain';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType({ description: 'Adds a country to the parties the workspace tracks, named as in the country list.' })
export class AddCountryPartyInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code, as in countries.' })
  @Satisfies((v, f) => checkLabel(f, v, { required: true, max: PARTY_CODE_MAX_LENGTH }))
  code: string;
}

@InputType({ description: 'A party that is not a country: an international body or organization (EU, UNHCR).' })
export class CreatePartyInput {
  @Field({ description: '2 to 10 letters or digits, starting with a letter; not a country code (add countries with addCountryParty).' })
  @Satisfies((v, f) => checkPartyCode(f, v))
  code: string;
  @Field({ description: 'The name in English.' }) @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
  @Field({ description: 'The name in Spanish.' }) @Satisfies((v, f) => checkLabel(f, v, { required: true })) nameEs: string;
}

@InputType({ description: "Renames a party; omitted names stay. The code never changes (filters and other systems name parties by it)." })
export class UpdatePartyInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) nameEs?: string | null;
}

@InputType({ description: 'Archives a party (it leaves pickers, stays on its records) or restores it.' })
export class SetPartyArchivedInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsBoolean() archived: boolean;
}
