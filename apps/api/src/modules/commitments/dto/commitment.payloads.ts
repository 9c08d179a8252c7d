import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommitmentLink } from '../commitment-link.model';
import { Commitment } from '../commitment.model';
import { StatusChange } from '../status-change.model';

@ObjectType()
export class CreateCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
}

@ObjectType()
export class UpdateCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
}

@ObjectType()
export class ChangeCommitmentStatusPayload {
  @Field(() => Commitment) commitment: Commitment;
  @Field(() => StatusChange) statusChange: StatusChange;
}

@ObjectType()
export class RecordProgressPayload {
  @Field(() => Commitment) commitment: Commitment;
  @Field(() => StatusChange, { description: 'The progress note as it is in the status history (kind PROGRESS).' }) progress: StatusChange;
}

@ObjectType()
export class LinkCommitmentsPayload {
  @Field(() => CommitmentLink, { description: 'The link, seen from the "from" commitment.' }) link: CommitmentLink;
  @Field(() => Commitment) from: Commitment;
  @Field(() => Commitment) to: Commitment;
}

@ObjectType()
export class UnlinkCommitmentsPayload {
  @Field(() => ID) removedLinkId: string;
  @Field(() => Commitment) from: Commitment;
  @Field(() => Commitment) to: Commitment;
}

@ObjectType()
export class ArchiveCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
}

@ObjectType()
export class RestoreCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
}
