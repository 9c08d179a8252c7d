import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PartyKind } from '@pactwatch/domain';

@ObjectType({ description: 'A government taking part in talks (an ISO 3166-1 country) or an international body the team added (EU, UNHCR).' })
export class Party {
  @Field(() => ID) id: string;
  @Field({ description: 'ISO 3166-1 alpha-2 code for a country (US, MX); 2 to 10 letters or digits for a body (UNHCR).' }) code: string;
  @Field(() => PartyKind) kind: PartyKind;
  @Field({ description: 'The name in English.' }) name: string;
  @Field({ description: 'The name in Spanish (the English one when none was given).' }) nameEs: string;
  @Field({ description: 'No longer offered for new records; the records that name it keep it.' }) archived: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' }) version: number;
}
