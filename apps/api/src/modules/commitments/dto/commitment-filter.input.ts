import { Field, ID, InputType } from '@nestjs/graphql';
import { CommitmentPriority, CommitmentStatus } from '@pactwatch/domain';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';

@InputType({ description: 'Narrows a commitment list. Every given field must hold; an empty list means any.' })
export class CommitmentFilter {
  @Field(() => String, { nullable: true, description:
      'Full-text search, in English and Spanish, accents ignored, over title, description, source quote, status-change notes and source titles (web-search syntax: words, "phrases", -exclusions). Words match by stem; no prefix or typo matching.' })
  @IsOptional() @MaxLength(200)
  search?: string | null;

  @Field(() => [CommitmentStatus], { nullable: true }) @IsOptional() @ArrayMaxSize(10)
  status?: CommitmentStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Commitments made by any of these parties (ISO codes).' })
  @IsOptional() @ArrayMaxSize(50)
  partyCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Commitments tagged with any of these theme slugs.' })
  @IsOptional() @ArrayMaxSize(50)
  themes?: string[] | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'agreementId must be an id' })
  agreementId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Commitments owned by any of these organizations.' })
  @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'ownerOrganizationIds must hold ids' })
  ownerOrganizationIds?: string[] | null;

  @Field(() => [CommitmentPriority], { nullable: true }) @IsOptional()
  priorities?: CommitmentPriority[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue ones; false: only those not overdue.' }) @IsOptional()
  overdue?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or before this date.' }) @IsOptional()
  dueBefore?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Due on or after this date.' }) @IsOptional()
  dueAfter?: string | null;

  @Field(() => ID, { nullable: true, description: 'Commitments assigned to this member.' })
  @IsOptional() @IsUUID('all', { message: 'assigneeId must be an id' })
  assigneeId?: string | null;

  @Field(() => Boolean, { nullable: true, description:
      'true: only commitments assigned to the caller (in a shared view, to whoever reads it; in a digest, to its member). Signed-in people only: an API key is no one.' })
  @IsOptional() @IsBoolean()
  assignedToMe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description:
      'true: only commitments with a source whose address the last link check found BROKEN or UNREACHABLE; false: only those with none. An archived copy does not change it.' })
  @IsOptional() @IsBoolean()
  brokenSources?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only archived commitments (or of an archived agreement); omitted or false: only those in use.' })
  @IsOptional() @IsBoolean()
  archived?: boolean | null;
}
