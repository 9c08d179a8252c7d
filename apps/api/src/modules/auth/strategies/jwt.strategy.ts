import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { Principal } from '../../../common/context/principal';
import { SecretsService } from '../secrets.service';
import { API_KEY_PREFIX, SESSION_COOKIE } from '../tokens';

export interface SessionClaims {
  sub: string;
  sid: string;
  wid: string | null;
  exp: number;
}

const fromBearer = ExtractJwt.fromAuthHeaderAsBearerToken();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The membership read with the session, for AuthService.callerFor in the same request: the
 * workspace it was read for (the x-workspace-id header, else the token's; null: the user's first)
 * and the row, null when the user is not a member there. Read once, then removed.
 */
export const MEMBERSHIP_READ = Symbol('membership read with the session');
export interface MembershipRead {
  sessionId: string;
  workspaceId: string | null;
  row: { role: string; workspaceId: string } | null;
}

/** The session token from `Authorization: Bearer` (scripts), else from the httpOnly cookie (the web client). */
export function sessionToken(req: Request): string | null {
  const bearer = fromBearer(req);
  if (bearer) return bearer.startsWith(API_KEY_PREFIX) ? null : bearer;
  return (req.cookies?.[SESSION_COOKIE] as string | undefined) ?? null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    secrets: SecretsService,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: sessionToken,
      secretOrKeyProvider: (_req: Request, _raw: string, done: (err: unknown, secret?: string) => void) => {
        secrets.jwt().then((secret) => done(null, secret), done);
      },
      algorithms: ['HS256'],
      issuer: 'pactwatch',
      audience: 'pactwatch',
      passReqToCallback: true,
    });
  }

  /** A valid signature is not enough: the session must still be open (not signed out, not reset). */
  async validate(req: Request, claims: SessionClaims): Promise<Principal | false> {
    // With the session, in the same statement, the membership callerFor will need: for the
    // workspace the request asks for (header, else token), or else the user's first. A header that
    // is not a uuid is left to callerFor, which refuses it.
    const header = req.headers['x-workspace-id'];
    const asked = typeof header === 'string' && header ? header : null;
    const prefetch = !asked || UUID.test(asked);
    const workspaceId = asked ?? claims.wid ?? null;
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, m.role, m.workspace_id AS "memberWorkspaceId"
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN LATERAL (
         SELECT role, workspace_id FROM memberships
         WHERE $3 AND user_id = u.id AND ($4::uuid IS NULL OR workspace_id = $4::uuid)
         ORDER BY created_at, workspace_id LIMIT 1
       ) m ON true
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub, prefetch, prefetch ? workspaceId : null],
    );
    if (!row) return false;
    if (prefetch) {
      const read: MembershipRead = {
        sessionId: claims.sid,
        workspaceId,
        row: row.role ? { role: row.role, workspaceId: row.memberWorkspaceId } : null,
      };
      (req as unknown as Record<symbol, MembershipRead>)[MEMBERSHIP_READ] = read;
    }
    const bearer = fromBearer(req);
    return {
      kind: 'USER',
      userId: row.id,
      email: row.email,
      name: row.name,
      sessionId: claims.sid,
      tokenWorkspaceId: claims.wid,
      tokenExpiresAt: claims.exp,
      fromCookie: !bearer,
    };
  }
}
