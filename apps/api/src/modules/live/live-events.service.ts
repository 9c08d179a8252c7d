import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ACCESS_CHANNEL, AccessSignal, LiveConnections } from './live-connections';

export const ACTIVITY_CHANNEL = 'pactwatch_activity';
const CATCH_UP_PAGE = 1000;

/** An activity row as subscribers see it, with what filters need: its commitment, agreement, parties, themes. */
export interface LiveEvent {
  id: string;
  workspaceId: string;
  verb: string;
  subjectType: string;
  subjectId: string;
  actorType: string;
  actorLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
  commitmentId: string | null;
  agreementId: string | null;
  partyCodes: string[];
  themes: string[];
}

const EVENT = `
  SELECT a.id::text AS id, a.workspace_id AS "workspaceId", a.verb, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
         a.actor_type AS "actorType", a.actor_label AS "actorLabel", a.before, a.after, a.created_at AS "createdAt",
         c.id AS "commitmentId", COALESCE(c.agreement_id, CASE WHEN a.subject_type = 'Agreement' THEN a.subject_id END,
           CASE WHEN a.after->>'subjectType' = 'AGREEMENT' THEN (a.after->>'subjectId')::uuid END) AS "agreementId",
         ARRAY(SELECT p.code FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = c.id) AS "partyCodes",
         ARRAY(SELECT t.slug FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = c.id) AS themes
  FROM activity a
  LEFT JOIN indicators i ON a.subject_type = 'Indicator' AND i.id = a.subject_id
  LEFT JOIN commitments c ON c.id = COALESCE(
    CASE WHEN a.subject_type = 'Commitment' THEN a.subject_id END,
    CASE WHEN a.after->>'subjectType' = 'COMMITMENT' THEN (a.after->>'subjectId')::uuid END,
    (a.after->>'commitmentId')::uuid,
    i.commitment_id)`;

type Listener = { workspaceId: string; push: (event: LiveEvent) => void };

/**
 * Hears every committed activity row through PostgreSQL LISTEN/NOTIFY on one connection per
 * instance, loads it once, and hands it to this instance's subscribers of its workspace, in
 * commit order. No broker: any number of instances share the database and hear the same.
 * The same connection hears access that ended (ACCESS_CHANNEL) and has LiveConnections close the
 * connections concerned at once: heard in commit order with the activity, before any change
 * committed after it.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private readonly listeners = new Set<Listener>();
  private client?: Client;
  private chain: Promise<void> = Promise.resolve();
  private closing = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: LiveConnections,
  ) {}

  async onModuleInit(): Promise<void> {
    // Building the schema file starts the app on a data source that never connects.
    if (this.dataSource.isInitialized) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(again = false): Promise<void> {
    const client = new Client({ connectionString: (this.dataSource.options as { url: string }).url, application_name: 'pactwatch-live' });
    client.on('notification', (msg) => {
      if (msg.channel === ACCESS_CHANNEL && msg.payload) return this.connections.apply(JSON.parse(msg.payload) as AccessSignal);
      if (msg.channel !== ACTIVITY_CHANNEL || !msg.payload) return;
      const { id } = JSON.parse(msg.payload) as { id: number };
      this.chain = this.chain.then(() => this.dispatch(String(id))).catch((err) => this.logger.error(`live event ${id}: ${err.message}`));
    });
    client.on('error', (err) => this.logger.warn(`LISTEN connection: ${err.message}`));
    client.on('end', () => {
      if (this.closing) return;
      // Subscribers resume with a `since` cursor; the connection comes back on its own.
      this.retry = setTimeout(() => void this.listen(true).catch((err) => this.logger.error(err.message)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${ACTIVITY_CHANNEL}; LISTEN ${ACCESS_CHANNEL}`);
    this.client = client;
    // Access may have ended while nobody listened: check the open connections against the database.
    if (again) await this.connections.recheck();
  }

  private async dispatch(id: string): Promise<void> {
    if (!this.listeners.size) return;
    const [event]: LiveEvent[] = await this.dataSource.query(`${EVENT} WHERE a.id = $1`, [id]);
    if (!event) return;
    for (const listener of this.listeners) if (listener.workspaceId === event.workspaceId) listener.push(event);
  }

  /** Committed events of a workspace after `since` (an activity id), oldest first. */
  async since(workspaceId: string, since: string, limit = CATCH_UP_PAGE): Promise<LiveEvent[]> {
    return this.dataSource.query(`${EVENT} WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`, [workspaceId, since, limit]);
  }

  /**
   * An async iterator of the workspace's events: those after `since` first (from the log), then
   * live ones, each once, in commit order. Live events arriving during the catch-up are held and
   * those already replayed dropped.
   */
  events(workspaceId: string, match: (e: LiveEvent) => boolean, since: string | null, onEnd?: () => void): AsyncIterableIterator<LiveEvent> {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    let replaying = since !== null;
    // Within a workspace ids increase in commit order (migration 1764700000000), but an event can
    // come both from the catch-up and live: remember what was delivered rather than the highest id.
    const seen = new Set<string>();
    const deliver = (e: LiveEvent) => {
      if (seen.has(e.id) || !match(e)) return;
      seen.add(e.id);
      if (seen.size > 10_000) seen.delete(seen.values().next().value as string);
      queue.push(e);
      wake?.();
    };
    const held: LiveEvent[] = [];
    const listener: Listener = { workspaceId, push: (e) => (replaying ? held.push(e) : deliver(e)) };
    this.listeners.add(listener);
    if (since !== null) {
      // Page through the log: a subscriber back after a long gap may have missed more than a page.
      const catchUp = async () => {
        let after = since;
        for (;;) {
          const page = await this.since(workspaceId, after);
          page.forEach(deliver);
          if (page.length < CATCH_UP_PAGE || done) return;
          after = page[page.length - 1].id;
        }
      };
      void catchUp()
        .catch((err) => this.logger.error(`catch-up: ${err.message}`))
        .finally(() => {
          replaying = false;
          held.forEach(deliver);
        });
    }
    const finish = () => {
      if (done) return;
      done = true;
      this.listeners.delete(listener);
      wake?.();
      onEnd?.();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<LiveEvent>> {
        while (!queue.length && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length) return { value: queue.shift() as LiveEvent, done: false };
        return { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<LiveEvent>> {
        finish();
        return { value: undefined, done: true };
      },
    };
  }
}
