import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CommitmentStatus, NOTE_MAX_LENGTH, StatusReasonCode } from '@pactwatch/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { NewEvidenceInput } from '../../evidence/dto/new-evidence.input';

@InputType({
  description:
    'Moves a commitment to another status. PARTIALLY_FULFILLED, FULFILLED and BROKEN need a note and at least one evidence link (evidenceIds or newEvidence); STALLED and BROKEN need a reasonCode.',
})
export class ChangeCommitmentStatusInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;

  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1)
  expectedVersion: number;

  @Field(() => CommitmentStatus) @IsEnum(CommitmentStatus) status: CommitmentStatus;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(NOTE_MAX_LENGTH)
  note?: string | null;

  @Field(() => StatusReasonCode, { nullable: true }) @IsOptional() @IsEnum(StatusReasonCode)
  reasonCode?: StatusReasonCode | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The day it happened, for a change recorded after the fact: from 1900-01-01 to today (today anywhere on Earth); today (UTC) when not given. A change dated before the latest one goes into the history at its day and leaves the current status as it is.',
  })
  @IsOptional()
  occurredOn?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Existing sources of this workspace.' })
  @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'evidenceIds must hold ids' })
  evidenceIds: string[] = [];

  @Field(() => [NewEvidenceInput], { defaultValue: [], description: 'New sources, added with the change.' })
  @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => NewEvidenceInput)
  newEvidence: NewEvidenceInput[] = [];
}
