import { Field, ObjectType } from '@nestjs/graphql';
import { Agreement } from '../agreement.model';

@ObjectType()
export class CreateAgreementPayload {
  @Field(() => Agreement) agreement: Agreement;
}

@ObjectType()
export class UpdateAgreementPayload {
  @Field(() => Agreement) agreement: Agreement;
}

@ObjectType()
export class ArchiveAgreementPayload {
  @Field(() => Agreement) agreement: Agreement;
}

@ObjectType()
export class RestoreAgreementPayload {
  @Field(() => Agreement) agreement: Agreement;
}
