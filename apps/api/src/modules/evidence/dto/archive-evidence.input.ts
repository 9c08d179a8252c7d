import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

@InputType({ description: 'A source to take off one commitment or one agreement. Give exactly one of the two ids.' })
export class DetachEvidenceInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'commitmentId must be an id' })
  commitmentId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'agreementId must be an id' })
  agreementId?: string | null;

  @Field(() => ID) @IsUUID('all', { message: 'evidenceId must be an id' }) evidenceId: string;
}

@InputType({ description: 'A source to archive: a wrong or withdrawn one.' })
export class ArchiveEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}
