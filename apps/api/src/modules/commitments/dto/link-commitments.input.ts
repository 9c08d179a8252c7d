import { Field, ID, InputType } from '@nestjs/graphql';
import { CommitmentLinkKind } from '@pactwatch/domain';
import { IsEnum, IsUUID } from 'class-validator';

@InputType({ description: 'RECIPROCAL reads both ways; DEPENDS_ON and SUPERSEDES go from → to.' })
export class LinkCommitmentsInput {
  @Field(() => ID) @IsUUID('all', { message: 'fromCommitmentId must be an id' }) fromCommitmentId: string;
  @Field(() => ID) @IsUUID('all', { message: 'toCommitmentId must be an id' }) toCommitmentId: string;
  @Field(() => CommitmentLinkKind) @IsEnum(CommitmentLinkKind) kind: CommitmentLinkKind;
}

@InputType()
export class UnlinkCommitmentsInput {
  @Field(() => ID) @IsUUID('all', { message: 'linkId must be an id' }) linkId: string;
}
