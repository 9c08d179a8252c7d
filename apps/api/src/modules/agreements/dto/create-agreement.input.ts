import { Field, ID, InputType } from '@nestjs/graphql';
import { AgreementKind, checkText, DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType()
export class CreateAgreementInput {
  @Field() @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH })) title: string;
  @Field(() => AgreementKind) @IsEnum(AgreementKind) kind: AgreementKind;
  @Field(() => [String], { description: 'ISO codes of the parties, two or more.' })
  @ArrayMinSize(2, { message: 'partyCodes must name at least two parties' }) @ArrayMaxSize(50)
  partyCodes: string[];
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() heldOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() signedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() inForceOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkText(f, asText(v), { max: NAME_MAX_LENGTH }))
  place?: string | null;
  @Field({ defaultValue: '' }) @Satisfies((v, f) => checkText(f, asText(v), { max: DESCRIPTION_MAX_LENGTH })) summary: string = '';
  @Field(() => [ID], { defaultValue: [], description: 'People who took part.' })
  @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'participantIds must hold ids' })
  participantIds: string[] = [];
}
