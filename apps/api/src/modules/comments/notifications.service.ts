import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { assertPageSize, readCursor, toConnection } from '../../common/pagination/page';
import { returningRows } from '../../common/sql/returning-rows';
import { CommentsService } from './comments.service';
import { MarkNotificationsReadInput, MarkNotificationsReadPayload } from './dto/comment.inputs';
import { Notification, NotificationConnection, NotificationKind } from './notification.model';

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  actorLabel: string;
  commentId: string | null;
  commitmentId: string | null;
  webhookEndpointId: string | null;
  dueOn: string | null;
  subjectTitle: string | null;
  createdAt: Date;
  readAt: Date | null;
  sortText: string;
}

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.actor_label AS "actorLabel", n.comment_id AS "commentId", n.commitment_id AS "commitmentId",
  n.webhook_endpoint_id AS "webhookEndpointId", (SELECT due_on::text FROM commitment_reminders WHERE id = n.reminder_id) AS "dueOn", n.created_at AS "createdAt", n.read_at AS "readAt", n.created_at::text AS "sortText",
  COALESCE((SELECT title FROM commitments WHERE id = COALESCE(n.commitment_id, c.subject_id)), (SELECT title FROM agreements WHERE id = c.subject_id),
    (SELECT url FROM webhook_endpoints WHERE id = n.webhook_endpoint_id)) AS "subjectTitle"`;
// ASSIGNED, DUE_SOON and OVERDUE notifications name a commitment, WEBHOOK_DISABLED ones an endpoint, not a comment.
const NOTIFICATION_FROM = 'notifications n LEFT JOIN comments c ON c.id = n.comment_id';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly comments: CommentsService,
  ) {}

  /** A person's notifications in the workspace, newest first. */
  async list(caller: Caller, userId: string, first: number, unreadOnly: boolean, after?: string | null): Promise<NotificationConnection> {
    assertPageSize(first);
    const cursor = readCursor(after, 'notifications', ['timestamp', 'uuid']);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM}
       WHERE n.workspace_id = $1 AND n.user_id = $2 AND (NOT $3 OR n.read_at IS NULL)
         AND ($4::timestamptz IS NULL OR (n.created_at, n.id) < ($4::timestamptz, $5::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $6`,
      [caller.workspaceId, userId, unreadOnly, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const [counts]: { total: number; unread: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT $3 OR read_at IS NULL)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
       FROM notifications WHERE workspace_id = $1 AND user_id = $2`,
      [caller.workspaceId, userId, unreadOnly],
    );
    const nodes = await this.withComments(caller, rows.slice(0, first));
    const connection = toConnection(rows, first, counts.total, (r) => [r.sortText, r.id], 'notifications', (r) => nodes.get(r.id) as Notification);
    return { ...connection, unreadCount: counts.unread };
  }

  /** The notification a comment gave this person, if any (what the live feed loads for an event). */
  async forComment(caller: Caller, userId: string, commentId: string): Promise<Notification | null> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM} WHERE n.workspace_id = $1 AND n.user_id = $2 AND n.comment_id = $3`,
      [caller.workspaceId, userId, commentId],
    );
    return (await this.withComments(caller, rows)).get(rows[0]?.id) ?? null;
  }

  /** One of this person's notifications by id (what the live feed loads for an assignment). */
  async forId(caller: Caller, userId: string, id: string): Promise<Notification | null> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM} WHERE n.workspace_id = $1 AND n.user_id = $2 AND n.id = $3`,
      [caller.workspaceId, userId, id],
    );
    return (await this.withComments(caller, rows)).get(rows[0]?.id) ?? null;
  }

  /** In the caller's transaction: tells `userId` they were assigned the commitment; the notification's id. */
  async notifyAssigned(m: EntityManager, caller: Caller, commitmentId: string, userId: string): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO notifications (id, workspace_id, user_id, kind, commitment_id, actor_label) VALUES ($1, $2, $3, 'ASSIGNED', $4, $5)`,
      [id, caller.workspaceId, userId, commitmentId, caller.actor.label],
    );
    return id;
  }

  async markRead(caller: Caller, userId: string, input: MarkNotificationsReadInput): Promise<MarkNotificationsReadPayload> {
    const all = input.all === true;
    if (!all && !input.notificationIds?.length) {
      throw DomainError.badInput([{ field: 'notificationIds', message: 'notificationIds is required unless all is true' }]);
    }
    const ids = [...new Set((input.notificationIds ?? []).map((id) => id.toLowerCase()))];
    if (ids.length) {
      const mine: { id: string }[] = await this.dataSource.query('SELECT id FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND id = ANY($3::uuid[])', [
        caller.workspaceId,
        userId,
        ids,
      ]);
      const unknown = ids.filter((id) => !mine.some((r) => r.id === id));
      if (unknown.length) throw DomainError.notFound('Notification', unknown[0], 'notificationIds');
    }
    const marked = await returningRows<{ id: string }>(
      this.dataSource,
      `UPDATE notifications SET read_at = now()
       WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3 OR id = ANY($4::uuid[])) RETURNING id`,
      [caller.workspaceId, userId, all, ids],
    );
    const [{ unread }] = await this.dataSource.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL',
      [caller.workspaceId, userId],
    );
    return { markedIds: marked.map((r) => r.id), unreadCount: unread };
  }

  private async withComments(caller: Caller, rows: NotificationRow[]): Promise<Map<string, Notification>> {
    const commentIds = [...new Set(rows.flatMap((r) => (r.commentId ? [r.commentId] : [])))];
    const comments = new Map((commentIds.length ? await this.comments.byIds(caller.workspaceId, commentIds) : []).map((c) => [c.id, c]));
    const notifications = new Map<string, Notification>();
    for (const r of rows) {
      const comment = r.commentId ? comments.get(r.commentId) : null;
      if (comment === undefined) continue;
      notifications.set(r.id, {
        id: r.id,
        kind: r.kind,
        actorLabel: r.actorLabel,
        comment,
        commitmentId: r.commitmentId,
        webhookEndpointId: r.webhookEndpointId,
        dueOn: r.dueOn,
        subjectTitle: r.subjectTitle ?? '',
        createdAt: r.createdAt,
        readAt: r.readAt,
        read: r.readAt !== null,
      });
    }
    return notifications;
  }

  /**
   * Tells each owner and admin of the workspace that a webhook endpoint was disabled, in the
   * caller's transaction (with the disabling itself).
   */
  async webhookDisabled(m: EntityManager, workspaceId: string, endpointId: string): Promise<void> {
    await m.query(
      `INSERT INTO notifications (id, workspace_id, user_id, kind, webhook_endpoint_id, actor_label)
       SELECT gen_random_uuid(), $1, user_id, 'WEBHOOK_DISABLED', $2, 'system' FROM memberships WHERE workspace_id = $1 AND role IN ('OWNER', 'ADMIN')`,
      [workspaceId, endpointId],
    );
  }
}
