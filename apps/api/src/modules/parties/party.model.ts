import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A government taking part in talks, by ISO 3166 code.' })
export class Party {
  @Field(() => ID) id: string;
  @Field({ description: 'ISO 3166-1 alpha-2 code, such as US or MX.' }) code: string;
  @Field() name: string;
}
