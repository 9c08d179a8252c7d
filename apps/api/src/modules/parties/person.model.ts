import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organization } from './organization.model';

@ObjectType({ description: 'An official.' })
export class Person {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => Organization, { nullable: true }) organization?: Organization | null;
  organizationId: string | null;
}
