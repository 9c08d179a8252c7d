import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Organization } from './organization.model';

@ObjectType({ description: 'An official.' })
export class Person {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => Organization, { nullable: true }) organization?: Organization | null;
  @Field({ description: 'No longer offered for new records; the records that name them keep them.' }) archived: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' }) version: number;
  organizationId: string | null;
}
