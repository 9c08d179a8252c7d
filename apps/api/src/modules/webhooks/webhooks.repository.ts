import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../../common/sql/returning-rows';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookFilter } from './webhook.models';

const ENDPOINT = `e.id, e.url, e.kinds, e.filter, e.enabled, e.disabled_at AS "disabledAt", e.disabled_reason AS "disabledReason",
  e.last_activity_id::text AS "lastActivityId", e.version, e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;
const DELIVERY = `d.id, d.endpoint_id AS "endpointId", d.activity_id::text AS "activityId", d.status, d.response_code AS "responseCode", d.error,
  d.attempts, d.duration_ms AS "durationMs", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt", d.attempted_at AS "attemptedAt"`;

/** Whether change `a` falls within endpoint `e`'s filter: each non-empty list must hold for the change or for its commitment. */
const WITHIN_FILTER = `
  (jsonb_array_length(e.filter->'agreementIds') = 0 OR (e.filter->'agreementIds') ? a.subject_id::text
    OR EXISTS (SELECT 1 FROM commitments c WHERE c.id = a.subject_id AND (e.filter->'agreementIds') ? c.agreement_id::text))
  AND (jsonb_array_length(e.filter->'partyIds') = 0 OR (e.filter->'partyIds') ? a.subject_id::text
    OR EXISTS (SELECT 1 FROM commitment_parties cp WHERE cp.commitment_id = a.subject_id AND (e.filter->'partyIds') ? cp.party_id::text))
  AND (jsonb_array_length(e.filter->'themeIds') = 0 OR (e.filter->'themeIds') ? a.subject_id::text
    OR EXISTS (SELECT 1 FROM commitment_themes ct WHERE ct.commitment_id = a.subject_id AND (e.filter->'themeIds') ? ct.theme_id::text))`;

export interface EndpointRow extends WebhookEndpoint {
  workspaceId: string;
  secret: string;
}

/** A change after an endpoint's cursor, and whether the endpoint wants it (its kinds and filter). */
/** A change as an endpoint's payload is made of it (activity row `a`). */
const CHANGE_COLUMNS = `a.id::text AS id, a.workspace_id AS "workspaceId", a.actor_type AS "actorType", a.actor_id AS "actorId",
  a.actor_label AS "actorLabel", a.verb, a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.before, a.after,
  a.created_at AS "createdAt", a.commitment_id AS "commitmentId", a.agreement_id AS "agreementId"`;

export interface PendingChange {
  id: string;
  workspaceId: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  verb: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
  commitmentId: string | null;
  agreementId: string | null;
  wanted: boolean;
}

export interface AttemptRecord {
  status: WebhookDeliveryStatus;
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

type Db = DataSource | EntityManager;

/** The webhook tables' SQL, every statement scoped to a workspace or to an endpoint the caller holds. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(workspaceId: string): Promise<WebhookEndpoint[]> {
    return this.dataSource.query(`SELECT ${ENDPOINT} FROM webhook_endpoints e WHERE e.workspace_id = $1 ORDER BY e.created_at DESC, e.id LIMIT 200`, [workspaceId]);
  }

  async find(db: Db, workspaceId: string, id: string, lock = false): Promise<WebhookEndpoint | null> {
    const [row] = await db.query(`SELECT ${ENDPOINT} FROM webhook_endpoints e WHERE e.workspace_id = $1 AND e.id = $2${lock ? ' FOR UPDATE' : ''}`, [workspaceId, id]);
    return row ?? null;
  }

  /** The endpoint with its secret, for sending (any workspace: the job names it by id). */
  async forSending(id: string): Promise<EndpointRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${ENDPOINT}, e.workspace_id AS "workspaceId", e.secret FROM webhook_endpoints e WHERE e.id = $1`, [id]);
    return row ?? null;
  }

  /** A new endpoint starts after the workspace's latest change: it gets what happens from now on. */
  async insert(m: EntityManager, workspaceId: string, row: { url: string; kinds: string[]; filter: WebhookFilter; secret: string; createdBy: string | null }): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO webhook_endpoints (id, workspace_id, url, kinds, filter, secret, created_by, last_activity_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE((SELECT max(id) FROM activity WHERE workspace_id = $2), 0))`,
      [id, workspaceId, row.url, row.kinds, JSON.stringify(row.filter), row.secret, row.createdBy],
    );
    return id;
  }

  async update(m: EntityManager, workspaceId: string, id: string, next: { url: string; kinds: string[]; filter: WebhookFilter; enabled: boolean }): Promise<void> {
    await m.query(
      `UPDATE webhook_endpoints SET url = $3, kinds = $4, filter = $5, enabled = $6,
         disabled_at = CASE WHEN $6 THEN NULL ELSE COALESCE(disabled_at, now()) END,
         disabled_reason = CASE WHEN $6 THEN NULL ELSE COALESCE(disabled_reason, 'disabled by an admin') END,
         version = version + 1, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, next.url, next.kinds, JSON.stringify(next.filter), next.enabled],
    );
  }

  async remove(m: EntityManager, workspaceId: string, id: string): Promise<void> {
    await m.query('DELETE FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }

  /** Which of `ids` are not rows of `table` in the workspace. */
  async unknownIds(workspaceId: string, table: 'agreements' | 'parties' | 'themes', ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found: { id: string }[] = await this.dataSource.query(`SELECT id FROM ${table} WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [workspaceId, ids]);
    return ids.filter((id) => !found.some((f) => f.id === id));
  }

  deliveries(workspaceId: string, endpointId: string, first: number): Promise<WebhookDelivery[]> {
    return this.dataSource.query(
      `SELECT ${DELIVERY} FROM webhook_deliveries d WHERE d.workspace_id = $1 AND d.endpoint_id = $2 ORDER BY d.created_at DESC, d.activity_id DESC LIMIT $3`,
      [workspaceId, endpointId, first],
    );
  }

  async delivery(workspaceId: string, id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.dataSource.query(`SELECT ${DELIVERY} FROM webhook_deliveries d WHERE d.workspace_id = $1 AND d.id = $2`, [workspaceId, id]);
    return row ?? null;
  }

  /**
   * Enabled endpoints with any change after their cursor: one probe of activity's (workspace_id, id)
   * index each. Changes they do not want are stepped over by their job, which moves the cursor.
   */
  async due(workspaceId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM webhook_endpoints e
       WHERE e.enabled AND ($1::uuid IS NULL OR e.workspace_id = $1)
         AND EXISTS (SELECT 1 FROM activity a WHERE a.workspace_id = e.workspace_id AND a.id > e.last_activity_id)`,
      [workspaceId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The next changes after the endpoint's cursor, oldest first. Complete: activity ids are taken
   * in commit order per workspace (migration 1764700000000), so none below one seen can still appear.
   */
  pending(endpointId: string, limit: number): Promise<PendingChange[]> {
    return this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS},
              (a.verb = ANY(e.kinds) AND ${WITHIN_FILTER}) AS wanted
       FROM webhook_endpoints e JOIN activity a ON a.workspace_id = e.workspace_id AND a.id > e.last_activity_id
       WHERE e.id = $1 AND e.enabled
       ORDER BY a.id LIMIT $2`,
      [endpointId, limit],
    );
  }

  async change(workspaceId: string, activityId: string): Promise<Omit<PendingChange, 'wanted'> | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${CHANGE_COLUMNS}
       FROM activity a WHERE a.workspace_id = $1 AND a.id = $2`,
      [workspaceId, activityId],
    );
    return row ?? null;
  }

  /** Moves the cursor forward (never back): the changes up to `activityId` are done. */
  async advance(endpointId: string, activityId: string): Promise<void> {
    await this.dataSource.query('UPDATE webhook_endpoints SET last_activity_id = GREATEST(last_activity_id, $2::bigint) WHERE id = $1', [endpointId, activityId]);
  }

  /** One attempt at a change: the first makes the delivery row, each next one counts on it. */
  async recordAttempt(workspaceId: string, endpointId: string, activityId: string, a: AttemptRecord): Promise<WebhookDelivery> {
    const [row] = await returningRows<WebhookDelivery>(
      this.dataSource,
      `INSERT INTO webhook_deliveries AS d (id, workspace_id, endpoint_id, activity_id, status, response_code, error, attempts, duration_ms, attempted_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, now(), CASE WHEN $5 = 'SUCCEEDED' THEN now() END)
       ON CONFLICT (endpoint_id, activity_id) DO UPDATE SET status = EXCLUDED.status, response_code = EXCLUDED.response_code, error = EXCLUDED.error,
         attempts = d.attempts + 1, duration_ms = EXCLUDED.duration_ms, attempted_at = now(), delivered_at = COALESCE(EXCLUDED.delivered_at, d.delivered_at)
       RETURNING ${DELIVERY}`,
      [randomUUID(), workspaceId, endpointId, activityId, a.status, a.responseCode, a.error?.slice(0, 500) ?? null, a.durationMs],
    );
    return row;
  }

  /** Disables the endpoint if it still is enabled; its workspace when it did. */
  async disable(m: EntityManager, endpointId: string, reason: string): Promise<string | null> {
    const [row] = await returningRows<{ workspaceId: string }>(
      m,
      `UPDATE webhook_endpoints SET enabled = false, disabled_at = now(), disabled_reason = $2, version = version + 1, updated_at = now()
       WHERE id = $1 AND enabled RETURNING workspace_id AS "workspaceId"`,
      [endpointId, reason.slice(0, 500)],
    );
    return row?.workspaceId ?? null;
  }

  async lastError(endpointId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT error FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'FAILED' ORDER BY attempted_at DESC LIMIT 1`, [endpointId]);
    return row?.error ?? null;
  }
}
