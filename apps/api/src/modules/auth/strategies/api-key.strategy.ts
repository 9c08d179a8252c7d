import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ApiKeyScope } from '@pactwatch/domain';
import type { Request } from 'express';
import { ExtractJwt } from 'passport-jwt';
import { Strategy } from 'passport-custom';
import { DataSource } from 'typeorm';
import { Principal } from '../../../common/context/principal';
import { API_KEY_PREFIX, parseApiKey, sameHash, sha256 } from '../tokens';

const fromBearer = ExtractJwt.fromAuthHeaderAsBearerToken();

/** `Authorization: Bearer pw_…`: an API key of another system, acting in its own workspace. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const token = fromBearer(req);
    if (!token?.startsWith(API_KEY_PREFIX)) return false;
    const parsed = parseApiKey(token);
    if (!parsed) throw new ApiKeyRefusal('The API key is malformed');
    const hash = sha256(token);
    // One statement: the key by its prefix and, for a valid unrevoked key, "last used" (at most one
    // write a minute per key: it is for people, not an audit trail). The hash is compared again below,
    // in constant time, for the answer.
    const [key] = await this.dataSource.query(
      `WITH k AS (
         SELECT id, name, workspace_id, scope, secret_hash, revoked_at FROM api_keys WHERE prefix = $1
       ), used AS (
         UPDATE api_keys a SET last_used_at = now() FROM k
         WHERE a.id = k.id AND k.secret_hash = $2 AND k.revoked_at IS NULL
           AND (a.last_used_at IS NULL OR a.last_used_at < now() - interval '1 minute')
       )
       SELECT id, name, workspace_id AS "workspaceId", scope, secret_hash AS "secretHash", revoked_at AS "revokedAt" FROM k`,
      [parsed.prefix, hash],
    );
    if (!key || !sameHash(hash, key.secretHash)) throw new ApiKeyRefusal('The API key is not valid');
    if (key.revokedAt) throw new ApiKeyRefusal('The API key has been revoked');
    return { kind: 'API_KEY', keyId: key.id, name: key.name, workspaceId: key.workspaceId, scope: key.scope as ApiKeyScope };
  }
}

/** A key was presented and refused: the reason reaches the caller. */
export class ApiKeyRefusal extends Error {}
