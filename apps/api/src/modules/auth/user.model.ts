import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A person with an account.' })
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field({ description: 'Language of the web client and of emails: en or es.' }) locale: string;
  @Field() createdAt: Date;
}
