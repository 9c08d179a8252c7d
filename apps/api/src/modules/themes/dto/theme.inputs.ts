import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { checkLabel, checkThemeSlug } from '@pactwatch/domain';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';
import { Theme } from '../theme.model';

@InputType()
export class CreateThemeInput {
  @Field({ description: 'Lower-case words joined by hyphens (anti-smuggling), unique in the workspace; it cannot change later.' })
  @Satisfies((v, f) => checkThemeSlug(f, v))
  slug: string;
  @Field({ description: 'The label in English.' }) @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
  @Field({ description: 'The label in Spanish.' }) @Satisfies((v, f) => checkLabel(f, v, { required: true })) nameEs: string;
}

@InputType({ description: 'Relabels a theme; omitted labels stay. The slug never changes (filters and digests name themes by it).' })
export class UpdateThemeInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) nameEs?: string | null;
}

@InputType({ description: 'Archives a theme (it leaves pickers, stays on its commitments) or restores it.' })
export class SetThemeArchivedInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsBoolean() archived: boolean;
}

@ObjectType()
export class ThemePayload {
  @Field(() => Theme) theme: Theme;
}
