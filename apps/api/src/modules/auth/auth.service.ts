import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, permissionsOfRole, permissionsOfScope, Role } from '@pactwatch/domain';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import passport from 'passport';
import { DataSource } from 'typeorm';
import { AuthedRequest, Caller } from '../../common/context/gql-context';
import { Principal } from '../../common/context/principal';
import { ApiKeyRefusal, ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy, MEMBERSHIP_READ, MembershipRead, sessionToken } from './strategies/jwt.strategy';

export const WORKSPACE_HEADER = 'x-workspace-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reasonOf(info: unknown): string {
  const all = (Array.isArray(info) ? info : [info]).filter(Boolean) as { name?: string; message?: string }[];
  if (all.some((i) => i.name === 'TokenExpiredError')) return 'The session has expired; sign in again';
  return 'The session token is not valid; sign in again';
}

/**
 * Who the request is, by the passport strategies for session tokens and API keys, and what it
 * may do in the workspace it works in.
 */
@Injectable()
export class AuthService {
  // The strategies register themselves with passport when constructed.
  constructor(
    private readonly dataSource: DataSource,
    _jwt: JwtStrategy,
    _apiKey: ApiKeyStrategy,
  ) {}

  /** null when the request carries no credentials at all; an UNAUTHENTICATED error when they are refused. */
  authenticate(req: Request, res: Response): Promise<Principal | null> {
    const hasBearer = /^bearer\s/i.test(req.headers.authorization ?? '');
    if (!hasBearer && !sessionToken(req)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const done = (err: unknown, principal: Principal | false, info: unknown) => {
        if (err instanceof ApiKeyRefusal) return reject(new DomainError(ErrorCode.UNAUTHENTICATED, err.message));
        if (err) return reject(err);
        if (!principal) return reject(new DomainError(ErrorCode.UNAUTHENTICATED, reasonOf(info)));
        resolve(principal);
      };
      passport.authenticate(['jwt', 'api-key'], { session: false }, done)(req, res, (err: unknown) => reject(err));
    });
  }

  /**
   * The workspace a request works in (an API key's own; for a person the `x-workspace-id` header,
   * else the one the token names) and the caller's permissions there.
   */
  async callerFor(principal: Principal, req: Request): Promise<Caller> {
    const header = req.headers[WORKSPACE_HEADER];
    const asked = typeof header === 'string' && header ? header : null;
    if (asked && !UUID.test(asked)) {
      throw DomainError.badInput([{ field: WORKSPACE_HEADER, message: `The ${WORKSPACE_HEADER} header must be a workspace id` }]);
    }
    if (principal.kind === 'API_KEY') {
      if (asked && asked !== principal.workspaceId) throw this.notMember(asked);
      return {
        workspaceId: principal.workspaceId,
        principal,
        role: null,
        permissions: permissionsOfScope(principal.scope),
        actor: { type: 'API_KEY', id: principal.keyId, label: `API key “${principal.name}”` },
      };
    }
    const workspaceId = asked ?? principal.tokenWorkspaceId;
    const rows: { role: string; workspaceId?: string }[] = this.membershipReadWithSession(req, principal, workspaceId) ?? (workspaceId
      ? await this.dataSource.query('SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, principal.userId])
      : await this.dataSource.query(
          'SELECT role, workspace_id AS "workspaceId" FROM memberships WHERE user_id = $1 ORDER BY created_at, workspace_id LIMIT 1',
          [principal.userId],
        ));
    const [membership] = rows;
    if (!membership) {
      if (workspaceId) throw this.notMember(workspaceId);
      throw new DomainError(ErrorCode.FORBIDDEN, 'You belong to no workspace yet: create one or accept an invitation');
    }
    return {
      workspaceId: workspaceId ?? (membership.workspaceId as string),
      principal,
      role: membership.role as Role,
      permissions: permissionsOfRole(membership.role as Role),
      actor: { type: 'USER', id: principal.userId, label: principal.name },
    };
  }

  /**
   * The membership the session strategy read in the same statement as the session, when it was
   * read for this workspace (as rows of the query it saves); used once.
   */
  private membershipReadWithSession(req: Request, principal: Principal & { kind: 'USER' }, workspaceId: string | null): { role: string; workspaceId: string }[] | null {
    const holder = req as unknown as Record<symbol, MembershipRead | undefined>;
    const read = holder[MEMBERSHIP_READ];
    if (!read) return null;
    delete holder[MEMBERSHIP_READ];
    if (read.sessionId !== principal.sessionId || read.workspaceId !== workspaceId) return null;
    return read.row ? [read.row] : [];
  }

  /**
   * A WebSocket connection's caller: the token or key in the connection parameters
   * (`authorization: "Bearer …"`), else the session cookie of the upgrade request. The returned
   * request stands in for an HTTP one in the guard.
   */
  async authenticateConnection(params: Record<string, unknown> | undefined, upgrade: IncomingMessage): Promise<AuthedRequest> {
    const header = (key: string) => (typeof params?.[key] === 'string' ? (params[key] as string) : undefined);
    const cookies = Object.fromEntries(
      (upgrade.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter(([k]) => k).map(([k, ...v]) => [k, decodeURIComponent(v.join('='))]),
    );
    const authorization = header('authorization') ?? header('Authorization');
    const workspace = header(WORKSPACE_HEADER);
    const req = {
      headers: { ...(authorization ? { authorization } : {}), ...(workspace ? { [WORKSPACE_HEADER]: workspace } : {}) },
      cookies,
      ip: upgrade.socket.remoteAddress,
    } as unknown as AuthedRequest;
    const principal = await this.authenticate(req, {} as Response);
    // The connection's operations each read the membership anew, not the one read at connect.
    delete (req as unknown as Record<symbol, unknown>)[MEMBERSHIP_READ];
    req.principal = Promise.resolve(principal);
    return req;
  }

  /** Whether a principal may still act: the token has not expired, the session or key is not revoked. */
  async stillValid(principal: Principal): Promise<boolean> {
    if (principal.kind === 'USER') {
      if (principal.tokenExpiresAt * 1000 <= Date.now()) return false;
      const rows = await this.dataSource.query('SELECT 1 FROM sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()', [principal.sessionId]);
      return rows.length > 0;
    }
    const rows = await this.dataSource.query('SELECT 1 FROM api_keys WHERE id = $1 AND revoked_at IS NULL', [principal.keyId]);
    return rows.length > 0;
  }

  /** Refuses a workspace the user is not a member of, as the header check does. */
  async assertMember(userId: string, workspaceId: string, field: string = WORKSPACE_HEADER): Promise<void> {
    const rows = await this.dataSource.query('SELECT 1 FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    if (!rows.length) throw this.notMember(workspaceId, field);
  }

  // The same answer whether the workspace exists or not: its existence is not the caller's business.
  private notMember(workspaceId: string, field: string = WORKSPACE_HEADER): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, `You have no access to workspace ${workspaceId}`, { field });
  }
}
