import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '../../common/context/gql-context';
import { DatabaseListener } from '../live/database-listener';
import { PushIterator } from '../live/live-iterator';
import { PresenceViewer } from './presence.model';
import { inBackground } from '../../database/query-counter';

export const PRESENCE_CHANNEL = 'pactwatch_presence';
/** A row is refreshed this often while its subscription lives… */
export const PRESENCE_REFRESH_MS = 10_000;
/** …and no longer counts once older than this (its instance died without deleting it). */
export const PRESENCE_STALE_SECONDS = 30;

interface Watcher {
  workspaceId: string;
  commitmentId: string;
  last: string | null;
  iterator: PushIterator<PresenceViewer[]>;
}

/**
 * Who is looking at a commitment, across instances. Each open `presence` subscription of a person
 * keeps one row (refreshed every 10 s, deleted when the subscription ends); every change is
 * announced on a NOTIFY channel, and each instance recomputes the list for the commitments its own
 * subscribers watch, sending it to those whose list changed. Rows of an instance that died stop
 * being refreshed and drop out after 30 s: every instance also recomputes on its refresh tick.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  /** Watchers by commitment id. */
  private readonly watchers = new Map<string, Set<Watcher>>();
  /** This instance's presence rows: connection id → commitment id. */
  private readonly rows = new Map<string, string>();
  /** Recomputations under way or asked for, by commitment: one at a time, the latest wins. */
  private readonly pending = new Map<string, { running: boolean; again: boolean }>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    listener: DatabaseListener,
  ) {
    // Heard on the instance's one LISTEN connection; after it was down, every list is loaded again.
    listener.on(PRESENCE_CHANNEL, (payload) => {
      const { c } = JSON.parse(payload) as { c: string };
      if (this.watchers.has(c)) this.recompute(c);
    });
    listener.onListening(() => this.recomputeAll());
  }

  async onModuleInit(): Promise<void> {
    // Building the schema file starts the app on a data source that never connects.
    if (!this.dataSource.isInitialized) return;
    this.timer = setInterval(() => void inBackground(() => this.tick()).catch((err) => this.logger.warn(`refresh: ${err.message}`)), PRESENCE_REFRESH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    for (const set of this.watchers.values()) for (const w of set) await w.iterator.end();
  }

  /**
   * The viewers of a commitment as they change, starting with the current list. A person's
   * subscription counts as looking while it is open; an API key's only watches.
   */
  watch(caller: Caller, commitmentId: string): AsyncIterableIterator<PresenceViewer[]> {
    const connectionId = caller.principal.kind === 'USER' ? randomUUID() : null;
    const watcher: Watcher = {
      workspaceId: caller.workspaceId,
      commitmentId,
      last: null,
      iterator: new PushIterator<PresenceViewer[]>(async () => {
        const set = this.watchers.get(commitmentId);
        set?.delete(watcher);
        if (set && !set.size) this.watchers.delete(commitmentId);
        if (connectionId) await this.leave(connectionId, commitmentId).catch((err) => this.logger.warn(`leave: ${err.message}`));
      }, true),
    };
    let set = this.watchers.get(commitmentId);
    if (!set) this.watchers.set(commitmentId, (set = new Set()));
    set.add(watcher);
    const start = async () => {
      if (connectionId && caller.principal.kind === 'USER') {
        this.rows.set(connectionId, commitmentId);
        await this.dataSource.query(
          `INSERT INTO presence (connection_id, commitment_id, workspace_id, user_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (connection_id, commitment_id) DO UPDATE SET seen_at = now()`,
          [connectionId, commitmentId, caller.workspaceId, caller.principal.userId],
        );
        // Ended while the row was written: take it back.
        if (watcher.iterator.ended) return this.leave(connectionId, commitmentId);
        await this.announce(commitmentId);
      }
      this.recompute(commitmentId);
    };
    void start().catch((err) => {
      this.logger.warn(`presence: ${err.message}`);
      void watcher.iterator.end();
    });
    return watcher.iterator;
  }

  /** Who looks at the commitment now: each person once, since their earliest open view. */
  async viewers(workspaceId: string, commitmentId: string): Promise<PresenceViewer[]> {
    const rows: { id: string; name: string; since: Date }[] = await this.dataSource.query(
      `SELECT u.id, u.name, min(p.since) AS since FROM presence p JOIN users u ON u.id = p.user_id
       WHERE p.workspace_id = $1 AND p.commitment_id = $2 AND p.seen_at > now() - make_interval(secs => $3)
       GROUP BY u.id, u.name ORDER BY min(p.since), u.id`,
      [workspaceId, commitmentId, PRESENCE_STALE_SECONDS],
    );
    return rows.map((r) => ({ user: { id: r.id, name: r.name }, since: r.since }));
  }

  private async leave(connectionId: string, commitmentId: string): Promise<void> {
    this.rows.delete(connectionId);
    await this.dataSource.query('DELETE FROM presence WHERE connection_id = $1 AND commitment_id = $2', [connectionId, commitmentId]);
    await this.announce(commitmentId);
  }

  private async announce(commitmentId: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify({ c: commitmentId })]);
  }

  /** Keeps this instance's rows alive, drops long-dead ones, and notices rows that went stale. */
  private async tick(): Promise<void> {
    if (this.rows.size) {
      await this.dataSource.query(
        'UPDATE presence SET seen_at = now() WHERE (connection_id, commitment_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))',
        [[...this.rows.keys()], [...this.rows.values()]],
      );
    }
    await this.dataSource.query(`DELETE FROM presence WHERE seen_at < now() - interval '10 minutes'`);
    this.recomputeAll();
  }

  private recomputeAll(): void {
    for (const commitmentId of this.watchers.keys()) this.recompute(commitmentId);
  }

  /** Loads the list once for all of this instance's watchers of the commitment and sends it to those for whom it changed. */
  private recompute(commitmentId: string): void {
    const pending = this.pending.get(commitmentId);
    if (pending?.running) {
      pending.again = true;
      return;
    }
    const state = { running: true, again: false };
    this.pending.set(commitmentId, state);
    const run = async (): Promise<void> => {
      const set = this.watchers.get(commitmentId);
      if (!set?.size) return;
      const byWorkspace = new Map<string, PresenceViewer[]>();
      for (const watcher of set) {
        let list = byWorkspace.get(watcher.workspaceId);
        if (!list) byWorkspace.set(watcher.workspaceId, (list = await this.viewers(watcher.workspaceId, commitmentId)));
        const key = JSON.stringify(list);
        if (key === watcher.last) continue;
        watcher.last = key;
        watcher.iterator.push(list);
      }
    };
    const loop = async () => {
      do {
        state.again = false;
        await run().catch((err) => this.logger.warn(`presence of ${commitmentId}: ${err.message}`));
      } while (state.again);
      this.pending.delete(commitmentId);
    };
    void loop();
  }
}
