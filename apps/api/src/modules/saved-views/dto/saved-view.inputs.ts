import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { checkLabel } from '@pactwatch/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';
import { CommitmentFilter } from '../../commitments/dto/commitment-filter.input';
import { CommitmentOrder } from '../../commitments/dto/commitment-order.input';
import { SavedView } from '../saved-view.model';

@InputType({ description: 'Saves a commitment filter and order under a name. Sharing it with the workspace needs the right to write.' })
export class SaveViewInput {
  @Field({ description: 'One line, at most 200 characters.' }) @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
  @Field(() => CommitmentFilter) @ValidateNested() @Type(() => CommitmentFilter) filter: CommitmentFilter;
  @Field(() => CommitmentOrder, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CommitmentOrder) order?: CommitmentOrder | null;
  @Field({ defaultValue: false }) @IsBoolean() shared: boolean = false;
}

@InputType({ description: 'Changes your own view; omitted fields stay. CONFLICT on a stale expectedVersion.' })
export class UpdateViewInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name?: string | null;
  @Field(() => CommitmentFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CommitmentFilter) filter?: CommitmentFilter | null;
  @Field(() => CommitmentOrder, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CommitmentOrder) order?: CommitmentOrder | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() shared?: boolean | null;
}

@InputType()
export class DeleteViewInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
}

@ObjectType()
export class SavedViewPayload {
  @Field(() => SavedView) view: SavedView;
}

@ObjectType()
export class DeleteViewPayload {
  @Field(() => ID) removedViewId: string;
}
