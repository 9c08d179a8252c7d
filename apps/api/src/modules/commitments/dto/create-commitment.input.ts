import { Field, ID, InputType } from '@nestjs/graphql';
import { checkText, CommitmentPriority, DESCRIPTION_MAX_LENGTH, QUOTE_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType({ description: 'A new commitment inside an agreement; it starts ANNOUNCED.' })
export class CreateCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'agreementId must be an id' }) agreementId: string;

  @Field() @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH }))
  title: string;

  @Field({ defaultValue: '' }) @Satisfies((v, f) => checkText(f, asText(v), { max: DESCRIPTION_MAX_LENGTH }))
  description: string = '';

  @Field({ defaultValue: '', description: 'The words of the source, verbatim.' })
  @Satisfies((v, f) => checkText(f, asText(v), { max: QUOTE_MAX_LENGTH }))
  sourceQuote: string = '';

  @Field(() => [String], { description: 'ISO codes of the committing parties; each must be a party of the agreement.' })
  @ArrayMinSize(1, { message: 'partyCodes must name at least one party' }) @ArrayMaxSize(20)
  partyCodes: string[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerOrganizationId must be an id' })
  ownerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerPersonId must be an id' })
  ownerPersonId?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Theme slugs.' }) @ArrayMaxSize(20)
  themes: string[] = [];

  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() dueOn?: string | null;

  @Field(() => CommitmentPriority, { defaultValue: CommitmentPriority.MEDIUM }) @IsEnum(CommitmentPriority)
  priority: CommitmentPriority = CommitmentPriority.MEDIUM;
}
