import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CommitmentStatus, NOTE_MAX_LENGTH, StatusReasonCode } from '@pactwatch/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
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

  @Field(() => [ID], { defaultValue: [], description: 'Existing sources of this workspace.' })
  @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'evidenceIds must hold ids' })
  evidenceIds: string[] = [];

  @Field(() => [NewEvidenceInput], { defaultValue: [], description: 'New sources, added with the change.' })
  @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => NewEvidenceInput)
  newEvidence: NewEvidenceInput[] = [];
}
