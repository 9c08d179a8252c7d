import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONObjectScalar } from '../../common/scalars/json-object.scalar';

@ObjectType({ description: 'A named commitment filter and order: private to its owner or shared with the workspace. Digest watches of a filter are watches of a view.' })
export class SavedView {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => JSONObjectScalar, { description: 'The CommitmentFilter, as commitments(filter:) takes it.' }) filter: Record<string, unknown>;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The CommitmentOrder, as commitments(orderBy:) takes it.' }) order: Record<string, unknown> | null;
  @Field({ description: 'Shown to the whole workspace; otherwise to its owner only.' }) shared: boolean;
  @Field({ description: 'Whether you own it (only the owner renames, shares or deletes it).' }) mine: boolean;
  @Field() ownerName: string;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
