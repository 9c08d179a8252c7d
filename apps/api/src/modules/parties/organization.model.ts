import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Party } from './party.model';

@ObjectType({ description: 'An agency or ministry of a party (DHS, CBP, SRE).' })
export class Organization {
  @Field(() => ID) id: string;
  @Field() acronym: string;
  @Field() name: string;
  @Field(() => Party) party?: Party;
  partyId: string;
}
