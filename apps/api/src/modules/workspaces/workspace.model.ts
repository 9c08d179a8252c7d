import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One organisation's tracker: every row of data belongs to exactly one." })
export class Workspace {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() slug: string;
}
