import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommitmentPriority, CommitmentStatus } from '@pactwatch/domain';
import { Connection } from '../../common/pagination/connection.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'One promise inside an agreement, with its status and the evidence behind it.' })
export class Commitment {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() description: string;
  @Field({ description: 'The words of the source that state the commitment, verbatim.' }) sourceQuote: string;
  @Field(() => CommitmentStatus) status: CommitmentStatus;
  @Field(() => CommitmentPriority) priority: CommitmentPriority;
  @Field(() => LocalDateScalar, { nullable: true }) dueOn: string | null;
  @Field({ description: 'Due date passed and neither fulfilled nor broken.' }) overdue: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was archived; null while it is in use.' }) archivedAt: Date | null;
  @Field({ description: 'Archived commitments (and those of an archived agreement) leave lists, counts and digests unless a filter asks for them.' }) archived: boolean;
  agreementId: string;
  ownerOrganizationId: string | null;
  ownerPersonId: string | null;
}

export const CommitmentConnection = Connection(Commitment, 'Commitment');
