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
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub],
    );
    if (!row) return false;
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
