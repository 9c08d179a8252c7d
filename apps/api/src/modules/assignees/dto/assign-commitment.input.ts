import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'A member of the workspace to make responsible for a commitment.' })
export class AssignCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;
  @Field(() => ID, { description: 'A member of the workspace (any role).' }) @IsUUID('all', { message: 'userId must be an id' }) userId: string;
}

@InputType()
export class UnassignCommitmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'commitmentId must be an id' }) commitmentId: string;
  @Field(() => ID) @IsUUID('all', { message: 'userId must be an id' }) userId: string;
}
