import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'A tracked figure, such as deportations since a baseline date.' })
export class Indicator {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() unit: string;
  @Field(() => LocalDateScalar, { nullable: true }) baselineOn: string | null;
  @Field() description: string;
  commitmentId: string | null;
}
