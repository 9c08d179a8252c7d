import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

@InputType({ description: 'A source to take off one commitment.' })
export class DetachEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;
  @Field(() => ID) @IsUUID('all', { message: 'evidenceId must be an id' }) evidenceId: string;
}

@InputType({ description: 'A source to archive: a wrong or withdrawn one.' })
export class ArchiveEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}
