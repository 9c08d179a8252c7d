import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { checkLabel } from '@pactwatch/domain';
import { IsBoolean, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Satisfies } from '../../../common/validation/satisfies.decorator';

@InputType()
export class CreatePersonInput {
  @Field() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name: string;
  @Field(() => String, { nullable: true, description: 'Their office: Secretary of Homeland Security.' })
  @IsOptional() @Satisfies((v, f) => checkLabel(f, v))
  title?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string | null;
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are, null clears the title or organization.' })
export class UpdatePersonInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v, { required: true })) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Satisfies((v, f) => checkLabel(f, v)) title?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organizationId must be an id' }) organizationId?: string | null;
}

@InputType({ description: 'Archives a person (they leave pickers, stay on their records) or restores them.' })
export class SetPersonArchivedInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsBoolean() archived: boolean;
}
