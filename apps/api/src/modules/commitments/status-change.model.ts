import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommitmentStatus, StatusChangeKind, StatusReasonCode } from '@pactwatch/domain';
import { Connection } from '../../common/pagination/connection.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';

@ObjectType({ description: 'One entry of a commitment\'s status history. Append-only.' })
export class StatusChange {
  @Field(() => ID) id: string;
  @Field(() => StatusChangeKind, {
    description: 'STATUS_CHANGE: a move from one status to another; PROGRESS: a progress note that left the status as it was (from and to are the status in force on its day).',
  })
  kind: StatusChangeKind;
  @Field(() => CommitmentStatus, { nullable: true, description: 'Null for the status a commitment was created with.' })
  from: CommitmentStatus | null;
  @Field(() => CommitmentStatus) to: CommitmentStatus;
  @Field() note: string;
  @Field(() => StatusReasonCode, { nullable: true }) reasonCode: StatusReasonCode | null;
  @Field() actor: string;
  @Field(() => Int, { description: 'The commitment version this change produced.' }) commitmentVersion: number;
  @Field(() => LocalDateScalar, {
    description: 'The day it happened, as the analyst gave it (the day it was recorded unless back-filled). History is ordered by it, then by createdAt.',
  })
  occurredOn: string;
  @Field({ description: 'When it was recorded.' }) createdAt: Date;
  commitmentId: string;
}

export const StatusChangeConnection = Connection(StatusChange, 'StatusChange');
