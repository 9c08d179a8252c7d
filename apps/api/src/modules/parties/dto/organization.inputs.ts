import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ACRONYM_MAX_LENGTH, checkLabel } from '@pactwatch/domain';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType()
export class CreateOrganizationInput {
  @Field(() => ID, { description: 'The party it belongs to.' }) @IsUUID('all', { message: 'partyId must be an id' }) partyId: string;
  @Field({ description: 'Short name, unique in the workspace (DHS, SRE).' })
  @Satisfies((v, f) => checkLabel(f, v, { required: true, max: ACRONYM_MAX_LENGTH }))
  acronym: string;
  @Field() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
}

@InputType({ description: 'Changes to an organization; omitted fields stay as they are.' })
export class UpdateOrganizationInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'partyId must be an id' }) partyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true, max: ACRONYM_MAX_LENGTH }))
  acronym?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name?: string | null;
}

@InputType({ description: 'Archives an organization (it leaves pickers, stays on its records) or restores it.' })
export class SetOrganizationArchivedInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsBoolean() archived: boolean;
}
