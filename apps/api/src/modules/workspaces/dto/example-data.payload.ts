import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class LoadExampleDataPayload {
  @Field(() => Int) agreementCount: number;
  @Field(() => Int) commitmentCount: number;
}
