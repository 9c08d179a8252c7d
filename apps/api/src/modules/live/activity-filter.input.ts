import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';
import { LiveEvent } from './live-events.service';

@InputType({ description: 'Narrows live activity; every given field must hold.' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'agreementId must be an id' }) agreementId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Changes to commitments of any of these parties.' }) @IsOptional() @ArrayMaxSize(50)
  partyCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Changes to commitments with any of these themes.' }) @IsOptional() @ArrayMaxSize(50)
  themes?: string[] | null;
}

export function matchesFilter(filter: ActivityFilter | null | undefined): (e: LiveEvent) => boolean {
  // Worked out once per subscription, not per event.
  const parties = filter?.partyCodes?.length ? filter.partyCodes.map((c) => c.toUpperCase()) : null;
  const themes = filter?.themes?.length ? filter.themes : null;
  return (e) =>
    (!filter?.agreementId || e.agreementId === filter.agreementId) &&
    (!filter?.commitmentId || e.commitmentId === filter.commitmentId) &&
    (!parties || e.partyCodes.some((p) => parties.includes(p))) &&
    (!themes || e.themes.some((t) => themes.includes(t)));
}
