import { CommitmentLinkKind, CommitmentStatus, StatusReasonCode } from '@pactwatch/domain';
import { Field, Float, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';
import { MaxItems } from '../../common/security/list-bounds';
import { CommentSubjectType } from '../comments/comment.model';

/** The GraphQL type each change is answered as (the mapper sets it; resolveType reads it). */
export type ActivityChangeTypename =
  | 'CommitmentStatusChange'
  | 'CommitmentAssignmentChange'
  | 'CommitmentLinkChange'
  | 'CommentChange'
  | 'ObservationChange'
  | 'RecordChange';

@InterfaceType('ActivityChange', {
  description:
    'What a change did, typed by its kind (libs/domain ChangeKind): a status change or progress note, an assignment, a link, a comment, ' +
    'a figure\'s observation, or (RecordChange) any other record created, edited, archived or restored. The same change as the ' +
    'activity row\'s `before`/`after` JSON, which stay as they were; fields the change did not write (older rows, the seeded history) are null.',
  resolveType: (value: { typename: ActivityChangeTypename }) => value.typename,
})
export abstract class ActivityChange {
  typename: ActivityChangeTypename;

  @Field(() => String, {
    nullable: true,
    description: 'The title or name the change wrote, as it was then (a commitment\'s or source\'s title, a theme\'s or party\'s name, an invitation\'s address …); null when it wrote none (see Activity.subjectTitle).',
  })
  title: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the subject once the change was made, when the change says it.' })
  version: number | null;
}

@ObjectType({
  implements: () => [ActivityChange],
  description: 'commitment.status_changed (fromStatus → toStatus) and commitment.progress_recorded (a note without a move: fromStatus is null).',
})
export class CommitmentStatusChange extends ActivityChange {
  @Field(() => CommitmentStatus, { nullable: true, description: 'The status before; null for a progress note.' }) fromStatus: CommitmentStatus | null;
  @Field(() => CommitmentStatus, { description: 'The status the change records (a back-dated change records it at its day).' }) toStatus: CommitmentStatus;
  @Field(() => CommitmentStatus, {
    nullable: true,
    description: 'The commitment\'s status once the change was in: toStatus, unless the change was dated before the latest one.',
  })
  currentStatus: CommitmentStatus | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it happened.' }) occurredOn: string | null;
  @Field({ description: 'The note recorded with it (may be empty).' }) note: string;
  @Field(() => StatusReasonCode, { nullable: true }) reasonCode: StatusReasonCode | null;
  @MaxItems(30) @Field(() => [ID], { description: 'The sources the change cites.' }) evidenceIds: string[];
  @Field(() => ID, { nullable: true, description: 'The entry of the commitment\'s statusHistory it made.' }) statusChangeId: string | null;
}

@ObjectType({ implements: () => [ActivityChange], description: 'commitment.assigned and commitment.unassigned: who was made responsible, or no longer is.' })
export class CommitmentAssignmentChange extends ActivityChange {
  @Field({ description: 'True for commitment.assigned, false for commitment.unassigned.' }) assigned: boolean;
  @Field(() => ID) assigneeId: string;
  @Field({ description: 'The member\'s name as it was then.' }) assigneeName: string;
}

@ObjectType({ implements: () => [ActivityChange], description: 'commitment.linked and commitment.unlinked: a link from the subject commitment to another.' })
export class CommitmentLinkChange extends ActivityChange {
  @Field({ description: 'True for commitment.linked, false for commitment.unlinked.' }) linked: boolean;
  @Field(() => ID) linkId: string;
  @Field(() => CommitmentLinkKind) kind: CommitmentLinkKind;
  @Field(() => ID) toCommitmentId: string;
}

@ObjectType({ implements: () => [ActivityChange], description: 'comment.added, comment.edited and comment.deleted: the comment is the subject; this says what it is on.' })
export class CommentChange extends ActivityChange {
  @Field(() => CommentSubjectType, { nullable: true, description: 'What the comment is on (null on rows that did not say).' }) onType: CommentSubjectType | null;
  @Field(() => ID, { nullable: true, description: 'The commitment or agreement the comment is on.' }) onId: string | null;
  @MaxItems(50) @Field(() => [ID], { description: 'The members the comment @mentions (after the change).' }) mentionedUserIds: string[];
  @Field({ description: 'True for comment.deleted.' }) deleted: boolean;
}

@ObjectType({ implements: () => [ActivityChange], description: 'indicator.observation_recorded and indicator.observation_revised: a figure\'s value, and the one it follows or revises.' })
export class ObservationChange extends ActivityChange {
  @Field({ description: 'True for indicator.observation_revised: the value replaces the one for the same day.' }) revised: boolean;
  @Field(() => Float) value: number;
  @Field(() => LocalDateScalar) asOf: string;
  @Field(() => Float, { nullable: true, description: 'The value it revises, or the latest one before it; null for a figure\'s first.' }) previousValue: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) previousAsOf: string | null;
  @Field(() => ID, { nullable: true }) observationId: string | null;
  @Field(() => ID, { nullable: true, description: 'The source cited for the value.' }) evidenceId: string | null;
}

@ObjectType({
  implements: () => [ActivityChange],
  description:
    'Any other change: a record (agreement, commitment, source, figure, party, organization, person, theme, member, invitation, key, ' +
    'digest setting, watch, saved view, webhook endpoint, the workspace) created, edited, archived, restored or removed. ' +
    'The verb says which; `before`/`after` hold the fields it changed.',
})
export class RecordChange extends ActivityChange {
  @Field(() => Int, { nullable: true, description: 'The version before the change, for an edit, archive or restore.' }) previousVersion: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the record is archived once the change was made, for an archive or restore.' }) archived: boolean | null;
}

export const ACTIVITY_CHANGE_TYPES = [CommitmentStatusChange, CommitmentAssignmentChange, CommitmentLinkChange, CommentChange, ObservationChange, RecordChange];
