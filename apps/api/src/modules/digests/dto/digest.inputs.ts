import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { checkLabel, DigestCadence } from '@pactwatch/domain';
import { Satisfies } from '../../../common/validation/satisfies.decorator';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CommitmentFilter } from '../../commitments/dto/commitment-filter.input';
import { DigestSubscription, Watch, WatchSubject } from '../digest.models';

@InputType({ description: 'Follow a commitment, agreement, party, theme or saved view.' })
export class WatchInput {
  @Field(() => WatchSubject) @IsEnum(WatchSubject) subjectType: WatchSubject;
  @Field(() => ID) @IsUUID('all', { message: 'subjectId must be an id' }) subjectId: string;
}

@InputType({ description: 'Saves the filter as a private view under this name and watches it.' })
export class WatchFilterInput {
  @Field() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
  @Field(() => CommitmentFilter) @ValidateNested() @Type(() => CommitmentFilter) filter: CommitmentFilter;
}

@InputType()
export class UnwatchInput {
  @Field(() => ID) @IsUUID('all', { message: 'watchId must be an id' }) watchId: string;
}

@InputType({ description: 'Omitted fields keep their value.' })
export class DigestScheduleInput {
  @Field(() => DigestCadence, { nullable: true }) @IsOptional() @IsEnum(DigestCadence) cadence?: DigestCadence;
  @Field(() => Int, { nullable: true, description: 'Local hour, 0–23.' }) @IsOptional() @IsInt() @Min(0) @Max(23) hour?: number;
  @Field(() => Int, { nullable: true, description: '1 = Monday … 7 = Sunday.' }) @IsOptional() @IsInt() @Min(1) @Max(7) weekday?: number;
  @Field(() => String, { nullable: true, description: 'IANA time zone, such as America/Mexico_City.' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @Field(() => String, { nullable: true, description: 'en or es.' }) @IsOptional() @IsIn(['en', 'es'], { message: 'locale must be en or es' }) locale?: string;
}

@InputType({ description: 'A stakeholder without an account, who gets digests of a saved filter once they confirm by the emailed link.' })
export class AddDigestRecipientInput extends DigestScheduleInput {
  @Field() @IsString() email: string;
  @Field(() => CommitmentFilter, { nullable: true, description: 'What they get; everything in the workspace when omitted.' })
  @IsOptional() @ValidateNested() @Type(() => CommitmentFilter)
  filter?: CommitmentFilter | null;
  @Field(() => ID, { nullable: true, description: 'A shared view to follow instead of a filter: they get what it matches as it changes.' })
  @IsOptional() @IsUUID('all', { message: 'viewId must be an id' })
  viewId?: string | null;
}

@InputType()
export class RemoveDigestRecipientInput {
  @Field(() => ID) @IsUUID('all', { message: 'subscriptionId must be an id' }) subscriptionId: string;
}

@InputType()
export class ConfirmDigestRecipientInput {
  @Field() @IsString() token: string;
}

@ObjectType()
export class WatchPayload {
  @Field(() => Watch) watch: Watch;
}

@ObjectType()
export class UnwatchPayload {
  @Field(() => ID) removedWatchId: string;
}

@ObjectType()
export class DigestSubscriptionPayload {
  @Field(() => DigestSubscription) subscription: DigestSubscription;
}

@ObjectType()
export class RemoveDigestRecipientPayload {
  @Field(() => ID) removedSubscriptionId: string;
}
