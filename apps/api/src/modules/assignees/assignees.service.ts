import { Injectable } from '@nestjs/common';
import { checkAssigneeCount, DomainError } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { RequestLoaders } from '../../common/dataloaders/request-loaders';
import { returningRows } from '../../common/sql/returning-rows';
import { ActivityService } from '../activity/activity.service';
import { MemberRef } from '../comments/comment.model';
import { NotificationsService } from '../comments/notifications.service';
import { CommitmentsService } from '../commitments/commitments.service';
import { WatchesService } from '../digests/watches.service';
import { AssignCommitmentInput, UnassignCommitmentInput } from './dto/assign-commitment.input';
import { AssignCommitmentPayload, UnassignCommitmentPayload } from './dto/assignee.payloads';

const notAMember = (userId: string) => DomainError.badInput([{ field: 'userId', message: `userId: ${userId} is not a member of this workspace` }]);

/**
 * The members responsible for a commitment. Assigning is idempotent: assigning someone already
 * assigned writes nothing and notifies nobody (changed: false), and so is unassigning someone who
 * is not (one who is not a member at all is BAD_USER_INPUT, as for assigning). A change writes one activity row; an assignment also notifies the assignee (unless they
 * assigned themselves) and makes them watch the commitment, so their digest carries it. The watch
 * stays after unassigning: it may have been theirs before, and unwatch is one click.
 */
@Injectable()
export class AssigneesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly activity: ActivityService,
    private readonly notifications: NotificationsService,
    private readonly watches: WatchesService,
  ) {}

  /** Each commitment's assignees by name, for a page of commitments in one statement. */
  assigneesOf(loaders: RequestLoaders, workspaceId: string, commitmentId: string): Promise<MemberRef[]> {
    return loaders
      .get<string, MemberRef[]>('commitment.assignees', async (ids) => {
        const rows: (MemberRef & { commitmentId: string })[] = await this.dataSource.query(
          `SELECT a.commitment_id AS "commitmentId", u.id, u.name FROM commitment_assignees a JOIN users u ON u.id = a.user_id
           WHERE a.workspace_id = $1 AND a.commitment_id = ANY($2::uuid[]) ORDER BY lower(u.name), u.id`,
          [workspaceId, ids],
        );
        const byCommitment = new Map<string, MemberRef[]>();
        for (const { commitmentId: id, ...member } of rows) byCommitment.set(id, [...(byCommitment.get(id) ?? []), member]);
        return ids.map((id) => byCommitment.get(id) ?? []);
      })
      .load(commitmentId);
  }

  async assign(caller: Caller, input: AssignCommitmentInput): Promise<AssignCommitmentPayload> {
    const userId = input.userId.toLowerCase();
    const changed = await this.dataSource.transaction(async (m) => {
      // Locked, so two assignments at once cannot both pass the count.
      const commitment = await this.commitments.lock(m, caller, input.commitmentId, 'commitmentId');
      const member = await this.member(m, caller, userId);
      if (!member) throw notAMember(userId);
      const [{ assigned, count }]: { assigned: boolean; count: number }[] = await m.query(
        `SELECT bool_or(user_id = $3) IS TRUE AS assigned, count(*)::int AS count FROM commitment_assignees WHERE workspace_id = $1 AND commitment_id = $2`,
        [caller.workspaceId, commitment.id, userId],
      );
      if (assigned) return false;
      if (commitment.archived) {
        throw DomainError.badInput([{ field: 'commitmentId', message: `commitmentId: commitment ${commitment.id} is archived; restore it first` }]);
      }
      const tooMany = checkAssigneeCount('commitmentId', count);
      if (tooMany) throw DomainError.badInput([tooMany]);
      await m.query(
        'INSERT INTO commitment_assignees (workspace_id, commitment_id, user_id, assigned_by) VALUES ($1, $2, $3, $4)',
        [caller.workspaceId, commitment.id, userId, caller.principal.kind === 'USER' ? caller.principal.userId : null],
      );
      const self = caller.principal.kind === 'USER' && caller.principal.userId === userId;
      const notificationId = self ? null : await this.notifications.notifyAssigned(m, caller, commitment.id, userId);
      await this.watches.watchCommitmentFor(m, caller, userId, commitment.id);
      await this.activity.record(m, caller, {
        verb: 'commitment.assigned', subjectType: 'Commitment', subjectId: commitment.id,
        after: { title: commitment.title, assigneeId: userId, assigneeName: member.name, notifiedUserIds: self ? [] : [userId], notificationId },
      });
      return true;
    });
    return { commitment: await this.commitments.findOne(caller, input.commitmentId, undefined, 'commitmentId'), userId, changed };
  }

  async unassign(caller: Caller, input: UnassignCommitmentInput): Promise<UnassignCommitmentPayload> {
    const userId = input.userId.toLowerCase();
    const changed = await this.dataSource.transaction(async (m) => {
      const commitment = await this.commitments.lock(m, caller, input.commitmentId, 'commitmentId');
      if (!(await this.member(m, caller, userId))) throw notAMember(userId);
      const [removed] = await returningRows<{ name: string }>(
        m,
        `DELETE FROM commitment_assignees a USING users u
         WHERE a.workspace_id = $1 AND a.commitment_id = $2 AND a.user_id = $3 AND u.id = a.user_id RETURNING u.name`,
        [caller.workspaceId, commitment.id, userId],
      );
      if (!removed) return false;
      await this.activity.record(m, caller, {
        verb: 'commitment.unassigned', subjectType: 'Commitment', subjectId: commitment.id,
        before: { assigneeId: userId, assigneeName: removed.name },
        after: { title: commitment.title },
      });
      return true;
    });
    return { commitment: await this.commitments.findOne(caller, input.commitmentId, undefined, 'commitmentId'), userId, changed };
  }

  private async member(m: EntityManager, caller: Caller, userId: string): Promise<MemberRef | null> {
    const [row]: MemberRef[] = await m.query(
      'SELECT u.id, u.name FROM memberships ms JOIN users u ON u.id = ms.user_id WHERE ms.workspace_id = $1 AND ms.user_id = $2',
      [caller.workspaceId, userId],
    );
    return row ?? null;
  }
}
