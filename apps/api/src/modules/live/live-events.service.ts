import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inBackground } from '../../database/query-counter';
import { DatabaseListener } from './database-listener';
import { ACCESS_CHANNEL, AccessSignal, LiveConnections } from './live-connections';
import { backoffDelay } from './pg-listener';

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

// The commitment and agreement a row concerns were stored when it was written (migration 1765110000000).
const EVENT = `
  SELECT a.id::text AS id, a.workspace_id AS "workspaceId", a.verb, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
         a.actor_type AS "actorType", a.actor_label AS "actorLabel", a.before, a.after, a.created_at AS "createdAt",
         a.commitment_id AS "commitmentId", a.agreement_id AS "agreementId",
         ARRAY(SELECT p.code FROM commitment_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.commitment_id = a.commitment_id) AS "partyCodes",
         ARRAY(SELECT t.slug FROM commitment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.commitment_id = a.commitment_id) AS themes
  FROM activity a`;

/** One subscription's place in its workspace's log. */
interface Listener {
  workspaceId: string;
  /** Where it starts: after this id, or (null) after what is committed when it joins. */
  since: bigint | null;
  /** The highest id of its workspace it was offered (delivered, or not its filter's); null until it joined. */
  cursor: bigint | null;
  offer(event: LiveEvent): void;
}

/**
 * Hears every committed activity row through the instance's LISTEN connection (DatabaseListener),
 * loads it once, and hands it to this instance's subscribers of its workspace, in commit order.
 * No broker: any number of instances share the database and hear the same. The same connection
 * hears access that ended (ACCESS_CHANNEL) and has LiveConnections close the connections
 * concerned at once.
 *
 * Nothing is lost across a gap. Within a workspace activity ids increase in commit order
 * (migration 1764700000000), so each subscription keeps a cursor: the last id of its workspace it
 * was offered. Everything that feeds subscriptions runs on one chain, in order: joining (the
 * `since` catch-up from the log), live events, and the resync that follows every (re)connection of
 * the LISTEN connection (NOTIFY is not kept for a listener that is gone) or a failed read. A resync
 * replays, per workspace, the log after the lowest cursor, offering each row to every subscription
 * whose cursor is below it; until it succeeds (retried with backoff) live events are not offered,
 * as the resync will read them from the log. So each subscription gets each change once, in order.
 */
@Injectable()
export class LiveEventsService implements OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Subscriptions waiting for the chain to place them. */
  private readonly joining = new Set<Listener>();
  private chain: Promise<void> = Promise.resolve();
  /** A read failed: live events wait for a resync (from the log) before they are offered again. */
  private stale = false;
  private retryAttempt = 0;
  private retry?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: LiveConnections,
    private readonly listener: DatabaseListener,
  ) {
    listener.on(ACCESS_CHANNEL, (payload) => this.connections.apply(JSON.parse(payload) as AccessSignal));
    listener.on(ACTIVITY_CHANNEL, (payload) => {
      const { id, w } = JSON.parse(payload) as { id: number; w: string };
      this.enqueue(() => this.dispatch(String(id), w));
    });
    // After every (re)connection: access may have ended and changes committed while nobody listened.
    listener.onListening(() => this.enqueue(() => this.sync(true, true)));
  }

  /** How many subscriptions this instance serves (joined or waiting to). */
  get subscriptionCount(): number {
    let n = this.joining.size;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Whether the LISTEN connection is up now. */
  isListening(): boolean {
    return this.listener.isListening();
  }

  onModuleDestroy(): void {
    this.closing = true;
    clearTimeout(this.retry);
  }

  private enqueue(task: () => Promise<void>): void {
    // Not counted as any request's statements (see query-counter).
    this.chain = this.chain.then(() => inBackground(task)).catch((err: Error) => {
      this.logger.warn(`live events: ${err.message}; resyncing from the log`);
      this.stale = true;
      this.scheduleResync();
    });
  }

  private scheduleResync(): void {
    if (this.closing || this.retry) return;
    const delay = backoffDelay(this.retryAttempt++, 100, 2000);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.enqueue(() => this.sync(true, false));
    }, delay);
    this.retry.unref();
  }

  private async dispatch(id: string, workspaceId: string): Promise<void> {
    if (this.stale) return;
    const set = this.listeners.get(workspaceId);
    if (!set?.size) return;
    const [event]: LiveEvent[] = await this.dataSource.query(`${EVENT} WHERE a.id = $1`, [id]);
    if (event) for (const listener of set) listener.offer(event);
  }

  /**
   * Places the subscriptions waiting to join (each after its `since`, or after what its workspace
   * has committed now) and replays the log to them; with `all`, replays the log after every
   * subscription's cursor (a resync). `recheck`: access signals may have been missed too.
   */
  private async sync(all: boolean, recheck: boolean): Promise<void> {
    const joined = [...this.joining];
    const bounds = new Map<string, bigint>();
    for (const listener of joined) {
      if (listener.since !== null || bounds.has(listener.workspaceId)) continue;
      const [row]: { id: string }[] = await this.dataSource.query('SELECT COALESCE(max(id), 0)::text AS id FROM activity WHERE workspace_id = $1', [listener.workspaceId]);
      bounds.set(listener.workspaceId, BigInt(row.id));
    }
    for (const listener of joined) {
      if (!this.joining.delete(listener)) continue; // ended meanwhile
      listener.cursor = listener.since ?? (bounds.get(listener.workspaceId) as bigint);
      let set = this.listeners.get(listener.workspaceId);
      if (!set) this.listeners.set(listener.workspaceId, (set = new Set()));
      set.add(listener);
    }
    if (recheck) await this.connections.recheck();
    const replaying = all ? [...this.listeners.values()].flatMap((set) => [...set]) : joined;
    // Per workspace: its subscriptions and the lowest cursor among them.
    const byWorkspace = new Map<string, { group: Listener[]; after: bigint }>();
    for (const listener of replaying) {
      if (listener.cursor === null) continue;
      const entry = byWorkspace.get(listener.workspaceId);
      if (!entry) byWorkspace.set(listener.workspaceId, { group: [listener], after: listener.cursor });
      else {
        entry.group.push(listener);
        if (listener.cursor < entry.after) entry.after = listener.cursor;
      }
    }
    for (const [workspaceId, { group, after: lowest }] of byWorkspace) {
      let after = lowest;
      for (;;) {
        const page = await this.since(workspaceId, String(after));
        for (const event of page) for (const listener of group) listener.offer(event);
        if (page.length < CATCH_UP_PAGE) break;
        after = BigInt(page[page.length - 1].id);
      }
    }
    if (all) {
      this.stale = false;
      this.retryAttempt = 0;
    }
  }

  /** Committed events of a workspace after `since` (an activity id), oldest first. */
  async since(workspaceId: string, since: string, limit = CATCH_UP_PAGE): Promise<LiveEvent[]> {
    return this.dataSource.query(`${EVENT} WHERE a.workspace_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`, [workspaceId, since, limit]);
  }

  /**
   * An async iterator of the workspace's events that `match`: those after `since` first (from the
   * log), then live ones, each once, in commit order; without `since`, those committed after it
   * joined (at once, unless the database is unreachable).
   */
  events(workspaceId: string, match: (e: LiveEvent) => boolean, since: string | null, onEnd?: () => void): AsyncIterableIterator<LiveEvent> {
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = {
      workspaceId,
      since: since === null ? null : BigInt(since),
      cursor: null,
      offer(e) {
        const id = BigInt(e.id);
        if (done || listener.cursor === null || id <= listener.cursor) return;
        listener.cursor = id;
        if (!match(e)) return;
        queue.push(e);
        wake?.();
      },
    };
    this.joining.add(listener);
    this.enqueue(() => this.sync(false, false));
    const finish = () => {
      if (done) return;
      done = true;
      this.joining.delete(listener);
      const set = this.listeners.get(workspaceId);
      set?.delete(listener);
      if (set && !set.size) this.listeners.delete(workspaceId);
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
