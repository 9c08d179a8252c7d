import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AgreementKind, checkText, DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType({ description: 'Changes to an agreement; omitted fields stay as they are, null clears an optional one.' })
export class UpdateAgreementInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH }))
  title?: string;
  @Field(() => AgreementKind, { nullable: true }) @IsOptional() @IsEnum(AgreementKind) kind?: AgreementKind;
  @Field(() => [String], { nullable: true }) @IsOptional()
  @ArrayMinSize(2, { message: 'partyCodes must name at least two parties' }) @ArrayMaxSize(50)
  partyCodes?: string[];
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() heldOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() signedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() inForceOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkText(f, asText(v), { max: NAME_MAX_LENGTH }))
  place?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkText(f, asText(v), { max: DESCRIPTION_MAX_LENGTH }))
  summary?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'participantIds must hold ids' })
  participantIds?: string[];
}
