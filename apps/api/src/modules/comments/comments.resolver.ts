import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { DomainError, ErrorCode, Permission } from '@pactwatch/domain';
import { Access } from '../../common/context/access.decorator';
import { CurrentCaller } from '../../common/context/current-caller.decorator';
import { Caller, GqlContext } from '../../common/context/gql-context';
import { LiveConnections } from '../live/live-connections';
import { LiveEventsService } from '../live/live-events.service';
import { mapEach } from '../live/live-iterator';
import { CommentConnection, MemberRef } from './comment.model';
import { personOf } from '../../common/context/person';
import { CommentsService } from './comments.service';
import {
  AddCommentInput,
  CommentPayload,
  DeleteCommentInput,
  EditCommentInput,
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
} from './dto/comment.inputs';
import { Notification, NotificationConnection } from './notification.model';
import { NotificationsService } from './notifications.service';

/** Verbs whose `after.notifiedUserIds` lists the members a comment or an assignment just notified. */
const NOTIFYING = new Set(['comment.added', 'comment.edited', 'commitment.assigned']);

@Resolver()
export class CommentsResolver {
  constructor(private readonly commentsService: CommentsService) {}

  @Query(() => CommentConnection, { description: 'The discussion of a commitment or agreement, oldest first; deleted comments stay as placeholders.' })
  @Access(Permission.READ)
  comments(
    @Args('subjectId', { type: () => ID, description: 'A commitment or agreement.' }) subjectId: string,
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @CurrentCaller() caller: Caller,
  ) {
    return this.commentsService.list(caller, subjectId, first, after);
  }

  @Query(() => [MemberRef], { description: 'Members whose name or email starts with the text, for @mention autocomplete.' })
  @Access(Permission.READ)
  memberSearch(
    @Args('query', { description: 'What was typed after @; empty lists members alphabetically.' }) query: string,
    @Args('first', { type: () => Int }) first: number,
    @CurrentCaller() caller: Caller,
  ) {
    return this.commentsService.memberSearch(caller, query, first);
  }

  @Mutation(() => CommentPayload, { description: 'Comments on a commitment or agreement, notifying the members it @mentions.' })
  @Access(Permission.WRITE)
  async addComment(@Args('input') input: AddCommentInput, @CurrentCaller() caller: Caller) {
    return { comment: await this.commentsService.add(caller, input) };
  }

  @Mutation(() => CommentPayload, { description: 'Changes your own comment; the earlier text stays in the activity log.' })
  @Access(Permission.WRITE)
  async editComment(@Args('input') input: EditCommentInput, @CurrentCaller() caller: Caller) {
    return { comment: await this.commentsService.edit(caller, input) };
  }

  @Mutation(() => CommentPayload, { description: 'Deletes your own comment; its text stays in the activity log.' })
  @Access(Permission.WRITE)
  async deleteComment(@Args('input') input: DeleteCommentInput, @CurrentCaller() caller: Caller) {
    return { comment: await this.commentsService.delete(caller, input) };
  }
}

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notificationsService: NotificationsService,
    private readonly live: LiveEventsService,
    private readonly connections: LiveConnections,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications in this workspace, newest first.' })
  @Access(Permission.READ)
  notifications(
    @Args('first', { type: () => Int }) first: number,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @CurrentCaller() caller: Caller,
  ) {
    return this.notificationsService.list(caller, personOf(caller, 'Notifications'), first, unreadOnly, after);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  @Access(Permission.READ)
  markNotificationsRead(@Args('input') input: MarkNotificationsReadInput, @CurrentCaller() caller: Caller) {
    return this.notificationsService.markRead(caller, personOf(caller, 'Notifications'), input);
  }

  @Subscription(() => Notification, {
    description: 'Your notifications as they are made, on any API instance (a comment that @mentions you, a commitment assigned to you).',
    resolve: (notification: Notification) => notification,
  })
  @Access(Permission.READ)
  notificationAdded(@Context() ctx: GqlContext) {
    const caller = ctx.req.caller;
    if (!caller) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send an API key');
    const userId = personOf(caller, 'Notifications');
    const mine = (e: { verb: string; after: Record<string, unknown> | null }) =>
      NOTIFYING.has(e.verb) && Array.isArray(e.after?.notifiedUserIds) && (e.after.notifiedUserIds as string[]).includes(userId);
    return mapEach(this.live.events(caller.workspaceId, this.connections.guard(ctx.req, mine), null), ctx, async (e) => {
      const assigned = e.verb === 'commitment.assigned' ? String(e.after?.notificationId) : null;
      const notification = assigned
        ? await this.notificationsService.forId(caller, userId, assigned)
        : await this.notificationsService.forComment(caller, userId, e.subjectId);
      if (!notification) throw new DomainError(ErrorCode.NOT_FOUND, `The notification of ${assigned ? 'assignment' : 'comment'} ${assigned ?? e.subjectId} is gone`);
      return notification;
    });
  }
}
