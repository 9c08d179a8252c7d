import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { Comment, CommentSubjectType } from '../comment.model';
import { MaxItems } from '../../../common/security/list-bounds';

export const COMMENT_MAX_LENGTH = 10_000;
export const MAX_MENTIONS = 50;

@InputType({ description: `A comment in Markdown (1–${COMMENT_MAX_LENGTH} characters); each member in mentionedUserIds is notified.` })
export class AddCommentInput {
  @Field(() => CommentSubjectType) @IsEnum(CommentSubjectType) subjectType: CommentSubjectType;
  @Field(() => ID) @IsUUID('all', { message: 'subjectId must be an id' }) subjectId: string;
  @Field() @IsString() body: string;
  @Field(() => [ID], { defaultValue: [], description: 'Members of the workspace the body @mentions (see memberSearch).' })
  @ArrayMaxSize(MAX_MENTIONS) @IsUUID('all', { each: true, message: 'mentionedUserIds must hold ids' })
  mentionedUserIds: string[] = [];
}

@InputType({ description: 'Changes the text of your own comment. Members newly mentioned are notified.' })
export class EditCommentInput {
  @Field(() => ID) @IsUUID('all', { message: 'commentId must be an id' }) commentId: string;
  @Field() @IsString() body: string;
  @Field(() => [ID], { nullable: true, description: 'The mentions after the edit; omitted, they stay as they were.' })
  @IsOptional() @ArrayMaxSize(MAX_MENTIONS) @IsUUID('all', { each: true, message: 'mentionedUserIds must hold ids' })
  mentionedUserIds?: string[] | null;
}

@InputType({ description: 'Deletes your own comment: it stays in the thread as deleted, and its text in the activity log.' })
export class DeleteCommentInput {
  @Field(() => ID) @IsUUID('all', { message: 'commentId must be an id' }) commentId: string;
}

@ObjectType()
export class CommentPayload {
  @Field(() => Comment) comment: Comment;
}

@InputType({ description: 'Marks the given notifications, or all of yours in this workspace, read.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'notificationIds must hold ids' })
  notificationIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'All of your notifications in this workspace.' }) @IsOptional() @IsBoolean()
  all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @MaxItems(500) @Field(() => [ID], { description: 'The notifications that were unread and now are read.' }) markedIds: string[];
  @Field(() => Int, { description: 'How many of your notifications here are still unread.' }) unreadCount: number;
}
