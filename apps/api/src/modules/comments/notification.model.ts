import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination/page-info.model';
import { LocalDateScalar } from '../../common/scalars/local-date.scalar';
import { Comment } from './comment.model';

export enum NotificationKind {
  MENTION = 'MENTION',
  ASSIGNED = 'ASSIGNED',
  WEBHOOK_DISABLED = 'WEBHOOK_DISABLED',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'MENTION: someone @mentioned you in a comment. ASSIGNED: someone assigned you a commitment. WEBHOOK_DISABLED: a webhook endpoint kept failing and was disabled (to owners and admins). DUE_SOON: a commitment you are assigned or watch is due soon (the workspace\'s reminder days). OVERDUE: such a commitment is past its due date (once per due date).',
});

@ObjectType({ description: 'Something for you to look at, in this workspace.' })
export class Notification {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field({ description: 'Who caused it: the author of the comment, or who assigned you (for a disabled webhook or a reminder, the system).' }) actorLabel: string;
  @Field(() => Comment, { nullable: true, description: 'MENTION: the comment you were mentioned in (deleted: true once its author deleted it); null for the other kinds.' })
  comment: Comment | null;
  @Field(() => ID, { nullable: true, description: 'WEBHOOK_DISABLED: the endpoint that was disabled.' }) webhookEndpointId: string | null;
  @Field({ description: 'The title of the commitment or agreement the comment is on, or of the commitment you were assigned or reminded of; for a disabled webhook, its URL.' }) subjectTitle: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'DUE_SOON and OVERDUE: the due date the reminder is about; null for the other kinds.' })
  dueOn: string | null;
  /** ASSIGNED, DUE_SOON, OVERDUE: the commitment (Notification.commitment resolves it). */
  commitmentId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() read: boolean;
}

@ObjectType()
export class NotificationEdge {
  @Field() cursor: string;
  @Field(() => Notification) node: Notification;
}

@ObjectType({ description: 'Your notifications, newest first.' })
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'How many items match, over all pages.' }) totalCount: number;
  @Field(() => Int, { description: 'How many of all your notifications here are unread.' }) unreadCount: number;
}
