import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { checkText, DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, NOTE_MAX_LENGTH } from '@pactwatch/domain';
import { IsNumber, IsOptional, IsString, IsUUID } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';
import { Indicator } from '../indicator.model';
import { Observation } from '../observation.model';

@InputType({ description: 'A figure to track for a commitment, such as deportations since a date.' })
export class CreateIndicatorInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;
  @Field() @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: NAME_MAX_LENGTH })) name: string;
  @Field() @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: 50 })) unit: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() baselineOn?: string | null;
  @Field({ defaultValue: '' }) @Satisfies((v, f) => checkText(f, asText(v), { max: DESCRIPTION_MAX_LENGTH })) description: string = '';
}

@InputType({ description: 'A dated value. A value for a date that already has one revises it; the earlier one is kept.' })
export class RecordObservationInput {
  @Field(() => ID) @IsUUID('all', { message: 'indicatorId must be an id' }) indicatorId: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' }) value: number;
  @Field(() => LocalDateScalar) @IsString() asOf: string;
  @Field(() => ID, { nullable: true, description: 'The source of the figure.' }) @IsOptional() @IsUUID('all', { message: 'evidenceId must be an id' })
  evidenceId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkText(f, asText(v), { max: NOTE_MAX_LENGTH }))
  note?: string | null;
}

@ObjectType()
export class CreateIndicatorPayload {
  @Field(() => Indicator) indicator: Indicator;
}

@ObjectType()
export class RecordObservationPayload {
  @Field(() => Observation) observation: Observation;
  @Field(() => Indicator) indicator: Indicator;
}
