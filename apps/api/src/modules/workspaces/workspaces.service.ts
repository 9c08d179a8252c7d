import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canGrantRole, checkEmail, checkLocale, checkPassword, checkText, DomainError, ErrorCode, isLocale, Locale, NAME_MAX_LENGTH, normalizeEmail, Role } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Caller } from '../../common/context/gql-context';
import { Principal } from '../../common/context/principal';
import { ActivityService } from '../activity/activity.service';
import { AccountsService, UserRow } from '../auth/accounts.service';
import { newSecret, sha256 } from '../auth/tokens';
import { ACCOUNT_MESSAGES } from '../mail/account-messages';
import { MailService, WORKSPACE_MAIL_HEADER } from '../mail/mail.service';
import { Invitation } from './invitation.model';
import { Membership } from './membership.model';
import { Workspace } from './workspace.model';
import { returningRows } from '../../common/sql/returning-rows';

const INVITATION_TTL_DAYS = 7;
const INVITATION = `i.id, i.email, i.role, i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"`;

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly activity: ActivityService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async workspace(id: string, m: EntityManager = this.dataSource.manager): Promise<Workspace> {
    const [row] = await m.query('SELECT id, name, slug FROM workspaces WHERE id = $1', [id]);
    return row;
  }

  /** Memberships of a workspace, or of a user across workspaces. */
  async memberships(by: { workspaceId?: string; userId?: string }): Promise<Membership[]> {
    const rows = await this.dataSource.query(
      `SELECT m.role, m.created_at AS "createdAt", w.id AS "wId", w.name AS "wName", w.slug AS "wSlug",
              u.id AS "uId", u.email, u.name, u.locale, u.created_at AS "uCreatedAt"
       FROM memberships m JOIN workspaces w ON w.id = m.workspace_id JOIN users u ON u.id = m.user_id
       WHERE ($1::uuid IS NULL OR m.workspace_id = $1) AND ($2::uuid IS NULL OR m.user_id = $2)
       ORDER BY m.created_at, u.email`,
      [by.workspaceId ?? null, by.userId ?? null],
    );
    type Row = { role: Role; createdAt: Date; wId: string; wName: string; wSlug: string; uId: string; email: string; name: string; locale: string; uCreatedAt: Date };
    return (rows as Row[]).map((r) => ({
      role: r.role,
      createdAt: r.createdAt,
      workspace: { id: r.wId, name: r.wName, slug: r.wSlug },
      user: { id: r.uId, email: r.email, name: r.name, locale: r.locale, createdAt: r.uCreatedAt },
    }));
  }

  async invitations(caller: Caller): Promise<Invitation[]> {
    return this.dataSource.query(`SELECT ${INVITATION} FROM invitations i WHERE i.workspace_id = $1 ORDER BY i.created_at DESC`, [caller.workspaceId]);
  }

  async invite(caller: Caller, emailInput: string, role: Role, localeInput?: string | null): Promise<Invitation> {
    const violations = [checkEmail(emailInput), checkLocale(localeInput)].filter((v) => v !== null);
    if (violations.length) throw DomainError.badInput(violations);
    if (!caller.role || !canGrantRole(caller.role, role)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `Your role cannot invite an ${role}`, { field: 'role' });
    }
    const email = normalizeEmail(emailInput);
    const existing = await this.dataSource.query(
      'SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND lower(u.email) = $2',
      [caller.workspaceId, email],
    );
    if (existing.length) throw DomainError.conflict(`${email} is already a member of this workspace`, { field: 'email' });
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const invitation = await this.dataSource.transaction(async (m) => {
      // A new invitation replaces any still open for the same address. Invitations to one address
      // take turns (a lock on the pair, not on the workspace), so two at once leave one open link:
      // the later one's. The unique index on open invitations holds it should a writer skip the lock.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`invitation:${caller.workspaceId}:${email}`]);
      await m.query('UPDATE invitations SET revoked_at = now() WHERE workspace_id = $1 AND lower(email) = $2 AND accepted_at IS NULL AND revoked_at IS NULL', [caller.workspaceId, email]);
      await m.query(
        `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
        [id, caller.workspaceId, email, role, hash, caller.actor.type === 'USER' ? caller.actor.id : null, INVITATION_TTL_DAYS],
      );
      await this.activity.record(m, caller, { verb: 'member.invited', subjectType: 'Invitation', subjectId: id, after: { email, role } });
      const [row] = await m.query(`SELECT ${INVITATION} FROM invitations i WHERE i.id = $1`, [id]);
      return row as Invitation;
    });
    const workspace = await this.workspace(caller.workspaceId);
    const link = `${this.config.publicUrl}/invitations/accept?token=${secret}`;
    const locale = await this.invitationLocale(caller, email, localeInput);
    await this.mail.send({
      to: email,
      ...ACCOUNT_MESSAGES.invitation(locale, { inviter: caller.actor.label, workspaceName: workspace.name, role, link, days: INVITATION_TTL_DAYS }),
      headers: { [WORKSPACE_MAIL_HEADER]: caller.workspaceId },
    });
    return invitation;
  }

  /** The language the inviter chose; else the invitee's own, if they have an account; else the inviting person's; else English. */
  private async invitationLocale(caller: Caller, email: string, chosen?: string | null): Promise<Locale> {
    if (isLocale(chosen)) return chosen;
    const [row] = await this.dataSource.query(
      `SELECT COALESCE((SELECT locale FROM users WHERE lower(email) = $1), (SELECT locale FROM users WHERE id = $2)) AS locale`,
      [email, caller.actor.type === 'USER' ? caller.actor.id : null],
    );
    return isLocale(row?.locale) ? row.locale : 'en';
  }

  async revokeInvitation(caller: Caller, invitationId: string): Promise<Invitation> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await returningRows(
        m,
        `UPDATE invitations SET revoked_at = now() WHERE id = $1 AND workspace_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [invitationId, caller.workspaceId],
      );
      if (!row) throw DomainError.notFound('Open invitation', invitationId, 'invitationId');
      await this.activity.record(m, caller, { verb: 'member.invitation_revoked', subjectType: 'Invitation', subjectId: invitationId });
      const [invitation] = await m.query(`SELECT ${INVITATION} FROM invitations i WHERE i.id = $1`, [invitationId]);
      return invitation;
    });
  }

  /** Joins the invited workspace, creating the account when the invited email has none yet. */
  async accept(principal: Principal | null, input: { token: string; name?: string | null; password?: string | null; locale?: string | null }): Promise<{ membership: Membership; token: string | null }> {
    let createdUser: UserRow | null = null;
    const { workspaceId, userId } = await this.dataSource.transaction(async (m) => {
      const [inv] = await m.query(
        `SELECT id, workspace_id AS "workspaceId", email, role, accepted_at AS "acceptedAt", revoked_at AS "revokedAt", expires_at < now() AS expired
         FROM invitations WHERE token_hash = $1 FOR UPDATE`,
        [sha256(input.token)],
      );
      if (!inv) throw DomainError.badInput([{ field: 'token', message: 'This invitation link is not valid' }]);
      if (inv.acceptedAt) throw DomainError.badInput([{ field: 'token', message: 'This invitation has already been used' }]);
      if (inv.revokedAt) throw DomainError.badInput([{ field: 'token', message: 'This invitation was withdrawn' }]);
      if (inv.expired) throw DomainError.badInput([{ field: 'token', message: 'This invitation has expired; ask for a new one' }]);
      let userId: string;
      if (principal?.kind === 'USER') {
        if (normalizeEmail(principal.email) !== inv.email) {
          throw new DomainError(ErrorCode.FORBIDDEN, `This invitation is for ${inv.email}; you are signed in as ${principal.email}`, { field: 'token' });
        }
        userId = principal.userId;
      } else {
        const [existing] = await m.query('SELECT id FROM users WHERE lower(email) = $1', [inv.email]);
        if (existing) throw new DomainError(ErrorCode.UNAUTHENTICATED, `Sign in as ${inv.email} to accept this invitation`, { field: 'token' });
        const violations = [
          checkText('name', input.name, { required: true, max: NAME_MAX_LENGTH }),
          checkPassword(input.password),
          checkLocale(input.locale),
        ].filter((v) => v !== null);
        if (violations.length) throw DomainError.badInput(violations);
        createdUser = await this.accounts.createUser(m, {
          email: inv.email, name: input.name as string, password: input.password as string, locale: isLocale(input.locale) ? input.locale : undefined,
        });
        userId = createdUser.id;
      }
      await m.query(
        `INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO NOTHING`,
        [inv.workspaceId, userId, inv.role],
      );
      await m.query('UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [inv.id, userId]);
      const [user] = await m.query('SELECT name FROM users WHERE id = $1', [userId]);
      await this.activity.record(m, { workspaceId: inv.workspaceId, actor: { type: 'USER', id: userId, label: user.name } } as Caller, {
        verb: 'member.joined', subjectType: 'User', subjectId: userId, after: { role: inv.role, invitationId: inv.id },
      });
      return { workspaceId: inv.workspaceId as string, userId };
    });
    const [membership] = await this.memberships({ workspaceId, userId });
    const token = createdUser ? (await this.accounts.issueSession(createdUser, workspaceId)).token : null;
    return { membership, token };
  }

  async changeRole(caller: Caller, userId: string, role: Role): Promise<Membership> {
    await this.dataSource.transaction(async (m) => {
      const { current, callerRole, owners } = await this.lockMembers(m, caller, userId);
      if (!callerRole || !canGrantRole(callerRole, role) || (current === Role.OWNER && callerRole !== Role.OWNER)) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only an owner can make or unmake owners', { field: 'role' });
      }
      if (current === Role.OWNER && role !== Role.OWNER) assertAnotherOwner(owners, userId);
      await m.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [caller.workspaceId, userId, role]);
      await this.activity.record(m, caller, { verb: 'member.role_changed', subjectType: 'User', subjectId: userId, before: { role: current }, after: { role } });
    });
    const [membership] = await this.memberships({ workspaceId: caller.workspaceId, userId });
    return membership;
  }

  async remove(caller: Caller, userId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { current, callerRole, owners } = await this.lockMembers(m, caller, userId);
      if (current === Role.OWNER && callerRole !== Role.OWNER) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only an owner can remove an owner');
      }
      if (current === Role.OWNER) assertAnotherOwner(owners, userId);
      await m.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [caller.workspaceId, userId]);
      await this.activity.record(m, caller, { verb: 'member.removed', subjectType: 'User', subjectId: userId, before: { role: current } });
    });
  }

  async rename(caller: Caller, name: string): Promise<Workspace> {
    const violation = checkText('name', name, { required: true, max: NAME_MAX_LENGTH });
    if (violation) throw DomainError.badInput([violation]);
    return this.dataSource.transaction(async (m) => {
      const before = await this.workspace(caller.workspaceId, m);
      await m.query('UPDATE workspaces SET name = $2 WHERE id = $1', [caller.workspaceId, name.trim()]);
      await this.activity.record(m, caller, { verb: 'workspace.renamed', subjectType: 'Workspace', subjectId: caller.workspaceId, before: { name: before.name }, after: { name: name.trim() } });
      return this.workspace(caller.workspaceId, m);
    });
  }

  async create(principal: Principal, name: string): Promise<Workspace> {
    if (principal.kind !== 'USER') throw new DomainError(ErrorCode.FORBIDDEN, 'Only a signed-in person can create a workspace');
    const violation = checkText('name', name, { required: true, max: NAME_MAX_LENGTH });
    if (violation) throw DomainError.badInput([violation]);
    const id = randomUUID();
    return this.dataSource.transaction(async (m) => {
      // slug and id are both the id, passed twice: one parameter cannot be both a uuid and text.
      await m.query('INSERT INTO workspaces (id, slug, name) VALUES ($1, $2, $3)', [id, id, name.trim()]);
      await m.query('INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)', [id, principal.userId, Role.OWNER]);
      await this.activity.record(m, { workspaceId: id, actor: { type: 'USER', id: principal.userId, label: principal.name } } as Caller, {
        verb: 'workspace.created', subjectType: 'Workspace', subjectId: id, after: { name: name.trim() },
      });
      return this.workspace(id, m);
    });
  }

  /**
   * Locks the member being changed, the calling person and every owner of the workspace, in one
   * statement and one order (by user id). Two owners demoting each other at once then queue
   * rather than deadlock, and the later one sees the earlier one's change: its caller may be no
   * owner any more, and the owners left are counted after it.
   */
  private async lockMembers(m: EntityManager, caller: Caller, userId: string): Promise<{ current: Role; callerRole: Role | null; owners: string[] }> {
    const callerId = caller.principal.kind === 'USER' ? caller.principal.userId : null;
    const rows: { userId: string; role: Role }[] = await m.query(
      `SELECT user_id AS "userId", role FROM memberships
       WHERE workspace_id = $1 AND (user_id = ANY($2::uuid[]) OR role = 'OWNER') ORDER BY user_id FOR UPDATE`,
      [caller.workspaceId, callerId ? [userId, callerId] : [userId]],
    );
    const current = rows.find((r) => r.userId === userId)?.role;
    if (!current) throw DomainError.notFound('Member', userId, 'userId');
    // A person's role as it is now, under the lock; an API key's comes with its scope.
    const callerRole = callerId ? (rows.find((r) => r.userId === callerId)?.role ?? null) : caller.role;
    return { current, callerRole, owners: rows.filter((r) => r.role === Role.OWNER).map((r) => r.userId) };
  }
}

/** A workspace always keeps an owner. */
function assertAnotherOwner(owners: string[], userId: string): void {
  if (!owners.some((o) => o !== userId)) {
    throw DomainError.conflict('The last owner of a workspace cannot be removed or demoted; make someone else owner first', { field: 'userId' });
  }
}
