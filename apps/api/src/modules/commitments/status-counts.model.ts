import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { CommitmentStatus } from '@pactwatch/domain';
import { MaxItems } from '../../common/security/list-bounds';
import { CommitmentFilter } from './dto/commitment-filter.input';

export enum StatusCountGroupBy {
  PARTY = 'PARTY',
  THEME = 'THEME',
}

registerEnumType(StatusCountGroupBy, {
  name: 'StatusCountGroupBy',
  description: 'PARTY: one group per committing party (its code); THEME: one per theme (its slug). A commitment counts in each of its groups.',
});

@ObjectType({ description: 'How many commitments have one status.' })
export class StatusCount {
  @Field(() => CommitmentStatus) status: CommitmentStatus;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'The commitments of one party or theme, counted by status.' })
export class StatusCountGroup {
  @Field({ description: 'The party code or the theme slug.' }) key: string;
  @Field(() => Int) total: number;
  @MaxItems(Object.keys(CommitmentStatus).length)
  @Field(() => [StatusCount], { description: 'Every status, in lifecycle order, zeros included.' }) counts: StatusCount[];
}

@ArgsType()
export class StatusCountsArgs {
  @Field(() => StatusCountGroupBy) @IsEnum(StatusCountGroupBy) groupBy: StatusCountGroupBy;

  @Field(() => CommitmentFilter, { nullable: true, description: 'The same filter as commitments; archived ones are left out unless it asks for them.' })
  @IsOptional() @ValidateNested() @Type(() => CommitmentFilter)
  filter?: CommitmentFilter | null;
}
