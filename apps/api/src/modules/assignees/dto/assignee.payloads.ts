import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Commitment } from '../../commitments/commitment.model';

@ObjectType()
export class AssignCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
  @Field(() => ID) userId: string;
  @Field({ description: 'false when the member was already assigned: nothing was written, nobody notified.' }) changed: boolean;
}

@ObjectType()
export class UnassignCommitmentPayload {
  @Field(() => Commitment) commitment: Commitment;
  @Field(() => ID) userId: string;
  @Field({ description: 'false when the member was not assigned: nothing was written.' }) changed: boolean;
}
