import { Field, ObjectType } from '@nestjs/graphql';
import { Evidence } from '../evidence.model';

@ObjectType()
export class AddEvidencePayload {
  @Field(() => Evidence) evidence: Evidence;
  commitmentId: string | null;
  agreementId: string | null;
}

@ObjectType()
export class UpdateEvidencePayload {
  @Field(() => Evidence) evidence: Evidence;
}

@ObjectType()
export class DetachEvidencePayload {
  @Field(() => Evidence) evidence: Evidence;
  /** The commitment or agreement it left (resolved by their modules). */
  commitmentId: string | null;
  agreementId: string | null;
}

@ObjectType()
export class ArchiveEvidencePayload {
  @Field(() => Evidence) evidence: Evidence;
}
