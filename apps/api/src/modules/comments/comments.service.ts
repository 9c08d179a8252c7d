import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkText, DomainError, ErrorCode, FieldViolation, isUuid } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { ConnectionShape } from '../../common/pagination/connection.model';
import { assertPageSize, readCursor, toConnection } from '../../common/pagination/page';
import { ActivityService } from '../activity/activity.service';
import { Comment, CommentSubjectType, MemberRef } from './comment.model';
import { AddCommentInput, COMMENT_MAX_LENGTH, DeleteCommentInput, EditCommentInput } from './dto/comment.inputs';
import { renderMarkdown } from './markdown';
import { personOf } from '../../common/context/person';

export const COMMENT_COLUMNS = `c.id, c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.body, c.created_at AS "createdAt",
  c.edited_at AS "editedAt", c.deleted_at IS NOT NULL AS deleted, c.author_id AS "authorId",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS author,
  COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'name', mu.name) ORDER BY lower(mu.name), mu.id)
            FROM comment_mentions cm JOIN users mu ON mu.id = cm.user_id WHERE cm.comment_id = c.id), '[]'::json) AS mentions`;
export const COMMENT_FROM = 'comments c LEFT JOIN users u ON u.id = c.author_id';

export interface CommentRow {
  id: string;
  subjectType: CommentSubjectType;
  subjectId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  authorId: string | null;
  author: MemberRef | null;
  mentions: MemberRef[];
}

/** A deleted comment keeps its place in the thread, not its words: those stay in the activity log. */
export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    body: row.deleted ? '' : row.body,
    bodyHtml: row.deleted ? '' : renderMarkdown(row.body),
    author: row.author,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted: row.deleted,
    mentions: row.deleted ? [] : row.mentions,
  };
}


function bodyViolations(body: string): FieldViolation[] {
  const violation = checkText('body', body, { required: true, max: COMMENT_MAX_LENGTH });
  return violation ? [violation] : [];
}

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

/** Escapes LIKE's wildcards so that a search for "50%" looks for those characters. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  /** The thread of a commitment or agreement, oldest first. */
  async list(caller: Caller, subjectId: string, first: number, after?: string | null): Promise<ConnectionShape<Comment>> {
    assertPageSize(first);
    const cursor = readCursor(after, 'comments', ['timestamp', 'uuid']);
    await this.subject(this.dataSource.manager, caller, null, subjectId);
    const rows: (CommentRow & { sortText: string; totalCount: number })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${COMMENT_COLUMNS}, c.created_at::text AS "sortText", count(*) OVER ()::int AS "totalCount"
         FROM ${COMMENT_FROM} WHERE c.workspace_id = $1 AND c.subject_id = $2
       ) x WHERE $3::timestamptz IS NULL OR ("createdAt", id) > ($3::timestamptz, $4::uuid)
       ORDER BY "createdAt", id LIMIT $5`,
      [caller.workspaceId, subjectId, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const total = rows[0]?.totalCount ?? (cursor ? await this.count(caller, subjectId) : 0);
    return toConnection(rows, first, total, (r) => [r.sortText, r.id], 'comments', toComment);
  }

  async byIds(workspaceId: string, ids: readonly string[]): Promise<Comment[]> {
    if (!ids.length) return [];
    const rows: CommentRow[] = await this.dataSource.query(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`, [
      workspaceId,
      ids,
    ]);
    return rows.map(toComment);
  }

  async add(caller: Caller, input: AddCommentInput): Promise<Comment> {
    const userId = personOf(caller, 'Comments');
    const violations = bodyViolations(input.body);
    if (violations.length) throw DomainError.badInput(violations);
    const mentioned = unique(input.mentionedUserIds);
    const id = randomUUID();
    const body = input.body.replace(/\s+$/, '');
    await this.dataSource.transaction(async (m) => {
      await this.subject(m, caller, input.subjectType, input.subjectId);
      await this.assertMembers(m, caller, mentioned);
      await m.query(
        `INSERT INTO comments (id, workspace_id, subject_type, subject_id, author_id, body) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, caller.workspaceId, input.subjectType, input.subjectId, userId, body],
      );
      await this.addMentions(m, caller, id, mentioned);
      const notified = await this.notify(m, caller, id, mentioned.filter((u) => u !== userId));
      await this.activity.record(m, caller, {
        verb: 'comment.added', subjectType: 'Comment', subjectId: id,
        after: { subjectType: input.subjectType, subjectId: input.subjectId, body, mentionedUserIds: mentioned, notifiedUserIds: notified },
      });
    });
    return this.one(caller, id);
  }

  async edit(caller: Caller, input: EditCommentInput): Promise<Comment> {
    const userId = personOf(caller, 'Comments');
    const violations = bodyViolations(input.body);
    if (violations.length) throw DomainError.badInput(violations);
    const body = input.body.replace(/\s+$/, '');
    await this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, caller, userId, input.commentId, 'edit');
      const before: string[] = (await m.query('SELECT user_id AS id FROM comment_mentions WHERE comment_id = $1 ORDER BY user_id', [current.id])).map(
        (r: { id: string }) => r.id,
      );
      const mentioned = input.mentionedUserIds ? unique(input.mentionedUserIds) : before;
      const added = mentioned.filter((u) => !before.includes(u));
      const removed = before.filter((u) => !mentioned.includes(u));
      await this.assertMembers(m, caller, added);
      await m.query('UPDATE comments SET body = $2, edited_at = now() WHERE id = $1', [current.id, body]);
      if (removed.length) await m.query('DELETE FROM comment_mentions WHERE comment_id = $1 AND user_id = ANY($2::uuid[])', [current.id, removed]);
      await this.addMentions(m, caller, current.id, added);
      const notified = await this.notify(m, caller, current.id, added.filter((u) => u !== userId));
      await this.activity.record(m, caller, {
        verb: 'comment.edited', subjectType: 'Comment', subjectId: current.id,
        before: { body: current.body, mentionedUserIds: before },
        after: { subjectType: current.subjectType, subjectId: current.subjectId, body, mentionedUserIds: mentioned, notifiedUserIds: notified },
      });
    });
    return this.one(caller, input.commentId);
  }

  async delete(caller: Caller, input: DeleteCommentInput): Promise<Comment> {
    const userId = personOf(caller, 'Comments');
    await this.dataSource.transaction(async (m) => {
      const current = await this.lockOwn(m, caller, userId, input.commentId, 'delete');
      const mentions: { id: string }[] = await m.query('SELECT user_id AS id FROM comment_mentions WHERE comment_id = $1 ORDER BY user_id', [current.id]);
      await m.query('UPDATE comments SET deleted_at = now() WHERE id = $1', [current.id]);
      await this.activity.record(m, caller, {
        verb: 'comment.deleted', subjectType: 'Comment', subjectId: current.id,
        before: { body: current.body, mentionedUserIds: mentions.map((r) => r.id) },
        after: { subjectType: current.subjectType, subjectId: current.subjectId, deleted: true },
      });
    });
    return this.one(caller, input.commentId);
  }

  /** Members whose name (any word) or email starts with the text, for @mention autocomplete. */
  async memberSearch(caller: Caller, query: string, first: number): Promise<MemberRef[]> {
    assertPageSize(first);
    const text = query.trim();
    const violation = checkText('query', text, { max: 100 });
    if (violation) throw DomainError.badInput([violation]);
    const prefix = `${likeLiteral(text.toLowerCase())}%`;
    return this.dataSource.query(
      `SELECT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = $1 AND (lower(u.name) LIKE $2 OR lower(u.name) LIKE '% ' || $2 OR lower(u.email) LIKE $2)
       ORDER BY lower(u.name) NOT LIKE $2, lower(u.name), u.id LIMIT $3`,
      [caller.workspaceId, prefix, first],
    );
  }

  private async one(caller: Caller, id: string): Promise<Comment> {
    const [comment] = await this.byIds(caller.workspaceId, [id]);
    if (!comment) throw DomainError.notFound('Comment', id, 'commentId');
    return comment;
  }

  private async count(caller: Caller, subjectId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM comments WHERE workspace_id = $1 AND subject_id = $2', [caller.workspaceId, subjectId]);
    return n;
  }

  /** The commitment or agreement of this workspace; its type when not given. */
  private async subject(m: EntityManager, caller: Caller, type: CommentSubjectType | null, id: string): Promise<CommentSubjectType> {
    const what = type === CommentSubjectType.AGREEMENT ? 'Agreement' : type ? 'Commitment' : 'Commitment or agreement';
    if (!isUuid(id)) throw DomainError.notFound(what, id, 'subjectId');
    const rows: { type: CommentSubjectType }[] = await m.query(
      `SELECT 'COMMITMENT' AS type FROM commitments WHERE workspace_id = $1 AND id = $2 AND ($3::text IS NULL OR $3 = 'COMMITMENT')
       UNION ALL SELECT 'AGREEMENT' FROM agreements WHERE workspace_id = $1 AND id = $2 AND ($3::text IS NULL OR $3 = 'AGREEMENT')`,
      [caller.workspaceId, id, type],
    );
    if (!rows.length) throw DomainError.notFound(what, id, 'subjectId');
    return rows[0].type;
  }

  private async assertMembers(m: EntityManager, caller: Caller, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const rows: { id: string }[] = await m.query('SELECT user_id AS id FROM memberships WHERE workspace_id = $1 AND user_id = ANY($2::uuid[])', [
      caller.workspaceId,
      userIds,
    ]);
    const outside = userIds.filter((u) => !rows.some((r) => r.id === u));
    if (outside.length) {
      throw DomainError.badInput([{ field: 'mentionedUserIds', message: `mentionedUserIds: ${outside.join(', ')} is not a member of this workspace` }]);
    }
  }

  private async lockOwn(m: EntityManager, caller: Caller, userId: string, commentId: string, action: 'edit' | 'delete'): Promise<CommentRow> {
    const [row]: CommentRow[] = await m.query(
      `SELECT c.id, c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.body, c.author_id AS "authorId", c.deleted_at IS NOT NULL AS deleted
       FROM comments c WHERE c.workspace_id = $1 AND c.id = $2 FOR UPDATE`,
      [caller.workspaceId, commentId],
    );
    if (!row || row.deleted) throw DomainError.notFound('Comment', commentId, 'commentId');
    if (row.authorId !== userId) throw new DomainError(ErrorCode.FORBIDDEN, `You can only ${action} your own comments`, { field: 'commentId' });
    return row;
  }

  private async addMentions(m: EntityManager, caller: Caller, commentId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    await m.query(
      'INSERT INTO comment_mentions (comment_id, user_id, workspace_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING',
      [commentId, userIds, caller.workspaceId],
    );
  }

  /** A notification for each member newly mentioned; the ids of those notified. */
  private async notify(m: EntityManager, caller: Caller, commentId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const rows: { id: string }[] = await m.query(
      `INSERT INTO notifications (id, workspace_id, user_id, kind, comment_id, actor_label)
       SELECT gen_random_uuid(), $1, u, 'MENTION', $2, $3 FROM unnest($4::uuid[]) AS u
       ON CONFLICT (comment_id, user_id) WHERE comment_id IS NOT NULL DO NOTHING RETURNING user_id AS id`,
      [caller.workspaceId, commentId, caller.actor.label, userIds],
    );
    return userIds.filter((u) => rows.some((r) => r.id === u));
  }
}
