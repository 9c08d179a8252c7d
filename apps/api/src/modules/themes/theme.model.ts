import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A tag grouping commitments: anti-smuggling, humane repatriation…' })
export class Theme {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable name used by filters (anti-smuggling); it cannot change.' }) slug: string;
  @Field({ description: 'The label in English.' }) name: string;
  @Field({ description: 'The label in Spanish (the English one when none was given).' }) nameEs: string;
  @Field({ description: 'No longer offered for new records; the commitments that carry it keep it.' }) archived: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' }) version: number;
}
