import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'A dated value of an indicator. A later value for the same date revises it; both are kept.' })
export class Observation {
  @Field(() => ID) id: string;
  @Field(() => Float) value: number;
  @Field(() => LocalDateScalar) asOf: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true, description: 'The observation this one revises.' }) revisesId: string | null;
  @Field({ description: 'False once a later value for the same date revised it.' }) current: boolean;
  @Field() recordedBy: string;
  @Field() recordedAt: Date;
  evidenceId: string | null;
  indicatorId: string;
}
