import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { AgreementKind } from '@pactwatch/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

@InputType({ description: 'Narrows the agreement list; an empty list means any.' })
export class AgreementFilter {
  @Field(() => String, { nullable: true, description: 'Words in the title, summary or place.' }) @IsOptional() @MaxLength(200)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'Agreements with any of these parties.' }) @IsOptional() @ArrayMaxSize(50)
  partyCodes?: string[] | null;

  @Field(() => [AgreementKind], { nullable: true }) @IsOptional()
  kinds?: AgreementKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only archived agreements; omitted or false: only those in use.' }) @IsOptional() @IsBoolean()
  archived?: boolean | null;
}

@ArgsType()
export class AgreementsArgs {
  @Field(() => Int, { description: 'Page size, 1 to 100.' }) @IsInt() first: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() after?: string | null;
  @Field(() => AgreementFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => AgreementFilter)
  filter?: AgreementFilter | null;
}
