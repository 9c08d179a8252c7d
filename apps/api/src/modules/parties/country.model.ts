import { Field, ObjectType } from '@nestjs/graphql';
import { Party } from './party.model';

@ObjectType({ description: 'An ISO 3166-1 country, available to every workspace; added ones have a party.' })
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-2 code.' }) code: string;
  @Field({ description: 'The name in English.' }) name: string;
  @Field({ description: 'The name in Spanish.' }) nameEs: string;
  @Field(() => Party, { nullable: true, description: "The workspace's party for the country, archived or not; null until it is added." })
  party: Party | null;
}
