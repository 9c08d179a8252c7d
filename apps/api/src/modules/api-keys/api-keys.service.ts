import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyScope, checkText, DomainError, NAME_MAX_LENGTH } from '@pactwatch/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { ActivityService } from '../activity/activity.service';
import { newApiKey } from '../auth/tokens';
import { ApiKey } from './api-key.model';
import { returningRows } from '../../common/sql/returning-rows';

const API_KEY = `k.id, k.name, k.prefix, k.scope, k.created_at AS "createdAt", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"`;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  list(caller: Caller): Promise<ApiKey[]> {
    return this.dataSource.query(`SELECT ${API_KEY} FROM api_keys k WHERE k.workspace_id = $1 ORDER BY k.created_at DESC`, [caller.workspaceId]);
  }

  async findOne(id: string): Promise<ApiKey | null> {
    const [row] = await this.dataSource.query(`SELECT ${API_KEY} FROM api_keys k WHERE k.id = $1`, [id]);
    return row ?? null;
  }

  /** The secret is returned here and never again: only its hash is kept. */
  async create(caller: Caller, name: string, scope: ApiKeyScope): Promise<{ apiKey: ApiKey; secret: string }> {
    const violation = checkText('name', name, { required: true, max: NAME_MAX_LENGTH });
    if (violation) throw DomainError.badInput([violation]);
    return this.dataSource.transaction(async (m) => {
      const { token, apiKey } = await createKey(m, caller.workspaceId, name.trim(), scope, caller.actor.type === 'USER' ? caller.actor.id : null);
      await this.activity.record(m, caller, { verb: 'api_key.created', subjectType: 'ApiKey', subjectId: apiKey.id, after: { name: apiKey.name, scope, prefix: apiKey.prefix } });
      return { apiKey, secret: token };
    });
  }

  async revoke(caller: Caller, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (m) => {
      const [row] = await returningRows(
        m,
        'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND workspace_id = $2 RETURNING id',
        [id, caller.workspaceId],
      );
      if (!row) throw DomainError.notFound('API key', id, 'apiKeyId');
      await this.activity.record(m, caller, { verb: 'api_key.revoked', subjectType: 'ApiKey', subjectId: id });
      const [key] = await m.query(`SELECT ${API_KEY} FROM api_keys k WHERE k.id = $1`, [id]);
      return key;
    });
  }
}

/** Inserts a key inside the caller's transaction; also used by the demo seed. */
export async function createKey(
  m: EntityManager,
  workspaceId: string,
  name: string,
  scope: ApiKeyScope,
  createdBy: string | null,
): Promise<{ token: string; apiKey: ApiKey }> {
  const { token, prefix, hash } = newApiKey();
  const id = randomUUID();
  await m.query(
    'INSERT INTO api_keys (id, workspace_id, name, prefix, secret_hash, scope, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, workspaceId, name, prefix, hash, scope, createdBy],
  );
  const [apiKey] = await m.query(`SELECT ${API_KEY} FROM api_keys k WHERE k.id = $1`, [id]);
  return { token, apiKey };
}
