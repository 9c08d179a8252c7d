import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

@InputType({ description: 'Archives a commitment: it leaves lists, counts and digests; nothing is deleted, its history stays.' })
export class ArchiveCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}

@InputType({ description: 'Brings an archived commitment back into lists, counts and digests.' })
export class RestoreCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}
