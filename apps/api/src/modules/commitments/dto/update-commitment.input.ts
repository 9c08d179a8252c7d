import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { checkText, CommitmentPriority, DESCRIPTION_MAX_LENGTH, QUOTE_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType({ description: 'Changes to a commitment; omitted fields stay as they are, null clears an optional one. Status changes go through changeCommitmentStatus.' })
export class UpdateCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;

  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH }))
  title?: string;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { max: DESCRIPTION_MAX_LENGTH }))
  description?: string;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { max: QUOTE_MAX_LENGTH }))
  sourceQuote?: string;

  @Field(() => [String], { nullable: true }) @IsOptional()
  @ArrayMinSize(1, { message: 'partyCodes must name at least one party' }) @ArrayMaxSize(20)
  partyCodes?: string[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerOrganizationId must be an id' })
  ownerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerPersonId must be an id' })
  ownerPersonId?: string | null;

  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) themes?: string[];

  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() dueOn?: string | null;

  @Field(() => CommitmentPriority, { nullable: true }) @IsOptional() @IsEnum(CommitmentPriority)
  priority?: CommitmentPriority;
}
