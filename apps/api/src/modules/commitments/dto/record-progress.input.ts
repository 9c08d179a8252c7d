import { Field, ID, InputType } from '@nestjs/graphql';
import { NOTE_MAX_LENGTH } from '@pactwatch/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { NewEvidenceInput } from '../../evidence/dto/new-evidence.input';

@InputType({
  description:
    'Records a progress note on a commitment without changing its status: a note (required) and the sources behind it. It goes into the status history (kind PROGRESS), the activity feed and digests; it never conflicts with a status change, and leaves the version as it is.',
})
export class RecordProgressInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;

  @Field(() => String, { description: 'What happened.' }) @IsString() @MaxLength(NOTE_MAX_LENGTH)
  note: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day it happened: from 1900-01-01 to today (today anywhere on Earth); today (UTC) when not given.',
  })
  @IsOptional()
  occurredOn?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Existing sources of this workspace.' })
  @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'evidenceIds must hold ids' })
  evidenceIds: string[] = [];

  @Field(() => [NewEvidenceInput], { defaultValue: [], description: 'New sources, added with the note.' })
  @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => NewEvidenceInput)
  newEvidence: NewEvidenceInput[] = [];
}
