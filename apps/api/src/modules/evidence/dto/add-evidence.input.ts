import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { NewEvidenceInput } from './new-evidence.input';

@InputType({ description: 'A new source for a commitment, or for an agreement (its sources). Give exactly one of the two ids.' })
export class AddEvidenceInput extends NewEvidenceInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'commitmentId must be an id' })
  commitmentId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'agreementId must be an id' })
  agreementId?: string | null;
}
