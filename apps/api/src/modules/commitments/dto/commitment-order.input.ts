import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';

export enum CommitmentOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  DUE_ON = 'DUE_ON',
  TITLE = 'TITLE',
  PRIORITY = 'PRIORITY',
}
registerEnumType(CommitmentOrderField, { name: 'CommitmentOrderField', description: 'DUE_ON puts commitments without a due date last, in either direction.' });

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType()
export class CommitmentOrder {
  @Field(() => CommitmentOrderField) @IsEnum(CommitmentOrderField) field: CommitmentOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC }) @IsEnum(OrderDirection) direction: OrderDirection = OrderDirection.ASC;
}
