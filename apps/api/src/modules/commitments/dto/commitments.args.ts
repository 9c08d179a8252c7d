import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CommitmentFilter } from './commitment-filter.input';
import { CommitmentOrder } from './commitment-order.input';

@ArgsType()
export class CommitmentsArgs {
  @Field(() => Int, { description: 'Page size, 1 to 100.' }) @IsInt() first: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) @IsOptional() @IsString() after?: string | null;

  @Field(() => CommitmentFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CommitmentFilter)
  filter?: CommitmentFilter | null;

  @Field(() => CommitmentOrder, { nullable: true, description: 'Defaults to creation order, oldest first.' })
  @IsOptional() @ValidateNested() @Type(() => CommitmentOrder)
  orderBy?: CommitmentOrder | null;
}
