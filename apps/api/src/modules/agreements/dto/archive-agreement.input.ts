import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

@InputType({ description: 'Archives an agreement: it leaves lists, counts and digests, with its commitments; nothing is deleted.' })
export class ArchiveAgreementInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}

@InputType({ description: 'Brings an archived agreement back into lists, counts and digests.' })
export class RestoreAgreementInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one fails with CONFLICT.' }) @IsInt() @Min(1) expectedVersion: number;
}
