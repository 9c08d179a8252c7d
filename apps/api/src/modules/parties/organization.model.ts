import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Party } from './party.model';

@ObjectType({ description: 'An agency or ministry of a party (DHS, CBP, SRE).' })
export class Organization {
  @Field(() => ID) id: string;
  @Field() acronym: string;
  @Field() name: string;
  @Field(() => Party) party?: Party;
  @Field({ description: 'No longer offered for new records; the records that name it keep it.' }) archived: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' }) version: number;
  partyId: string;
}
