import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { checkEvidenceUrl, checkText, EvidenceKind, EvidenceStance, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType({ description: 'Changes to a source; omitted fields stay as they are.' })
export class UpdateEvidenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;

  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => (typeof v === 'string' ? checkEvidenceUrl(v, f) : { field: f, message: `${f} must be an http(s) address` }))
  url?: string;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH }))
  title?: string;

  @Field(() => String, { nullable: true }) @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { max: NAME_MAX_LENGTH }))
  publisher?: string | null;

  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'An archived copy of the page (http or https); null or empty removes it.' }) @IsOptional()
  @Satisfies((v, f) => (v === null || v === '' ? null : typeof v === 'string' ? checkEvidenceUrl(v.trim(), f) : { field: f, message: `${f} must be an http(s) address` }))
  archiveUrl?: string | null;

  @Field(() => EvidenceKind, { nullable: true }) @IsOptional() @IsEnum(EvidenceKind) kind?: EvidenceKind;

  @Field(() => EvidenceStance, { nullable: true }) @IsOptional() @IsEnum(EvidenceStance) stance?: EvidenceStance;
}
