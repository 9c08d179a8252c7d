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
  /** The commitment it left (resolved by the commitments module). */
  commitmentId: string;
}

@ObjectType()
export class ArchiveEvidencePayload {
  @Field(() => Evidence) evidence: Evidence;
}
