import { Field, InputType } from '@nestjs/graphql';
import { checkEvidenceUrl, checkText, EvidenceKind, EvidenceStance, NAME_MAX_LENGTH, TITLE_MAX_LENGTH } from '@pactwatch/domain';
import { IsEnum, IsOptional } from 'class-validator';
import { asText, Satisfies } from '../../../common/validation/satisfies.decorator';
import { LocalDateScalar } from '../../../common/scalars/local-date.scalar';

@InputType({ description: 'A new source, added where it is given (inline with a status change, or on its own).' })
export class NewEvidenceInput {
  @Field({ description: 'An http or https address.' })
  @Satisfies((v, f) => (typeof v === 'string' ? checkEvidenceUrl(v, f) : { field: f, message: `${f} must be an http(s) address` }))
  url: string;

  @Field()
  @Satisfies((v, f) => checkText(f, asText(v), { required: true, max: TITLE_MAX_LENGTH }))
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Satisfies((v, f) => checkText(f, asText(v), { max: NAME_MAX_LENGTH }))
  publisher?: string | null;

  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional()
  publishedOn?: string | null;

  @Field(() => EvidenceKind, { defaultValue: EvidenceKind.NEWS }) @IsEnum(EvidenceKind)
  kind: EvidenceKind = EvidenceKind.NEWS;

  @Field(() => EvidenceStance, { defaultValue: EvidenceStance.SUPPORTS }) @IsEnum(EvidenceStance)
  stance: EvidenceStance = EvidenceStance.SUPPORTS;
}
