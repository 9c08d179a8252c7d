import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A tag grouping commitments: anti-smuggling, humane repatriation…' })
export class Theme {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
}
