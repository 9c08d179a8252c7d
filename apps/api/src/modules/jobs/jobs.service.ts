import { Global, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { PgBoss } from 'pg-boss';
import type { Db as IDatabase, Queue, WorkHandlerFor, WorkOptions } from 'pg-boss';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '../../config/app-config';

/** pg-boss keeps its tables in a schema of its own, created (and migrated) by pg-boss at start. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * The job engine for background work: pg-boss on the app's own PostgreSQL pool (the same database,
 * embedded or DATABASE_URL), so any number of instances share the queues with no leader. pg-boss
 * creates and migrates its schema at start (advisory-locked, so instances starting together are
 * safe); retries with backoff, expiry, heartbeats and dead letters are its, per queue.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  readonly boss: PgBoss;
  private started = false;
  /** Queues this instance works, so shutdown stops exactly those. */
  private readonly worked = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    // The pool is read when a statement runs: the app made for writing schema.gql has no database.
    const db: IDatabase = { executeSql: (text: string, values?: unknown[]) => this.pool.query(text, values) };
    this.boss = new PgBoss({
      db,
      schema: JOBS_SCHEMA,
      // Jobs whose worker stopped beating, or that outlived their expiry, are failed over to a retry
      // by the supervisor's monitor pass, on this cadence (both timers: a pass needs both).
      superviseIntervalSeconds: config.JOBS_SUPERVISE_SECONDS,
      monitorIntervalSeconds: config.JOBS_SUPERVISE_SECONDS,
      // The app's own instance registry and scheduler are not used: scheduling is the digest runner's due query.
      schedule: false,
      registerInstance: false,
    });
    this.boss.on('error', (err: Error) => this.logger.error(`job engine: ${err.message}`));
  }

  private get pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** Started with the app, on its database; not in the app made only to write schema.gql (no database). */
  async onModuleInit(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.boss.start();
    this.started = true;
  }

  /** Whether the engine runs here: false in the app made only to write schema.gql (no database) and after shutdown. */
  get running(): boolean {
    return this.started;
  }

  /**
   * Creates the queue, or brings an existing one to `options` (so a changed setting applies to jobs
   * sent from then on). With `deadLetter`, the dead-letter queue is created first (retried 5 times
   * with backoff) and jobs whose retries are spent go there.
   */
  async ensureQueue(name: string, options: Omit<Queue, 'name' | 'deadLetter'>, deadLetter?: string): Promise<void> {
    if (deadLetter && !(await this.boss.getQueue(deadLetter))) await this.boss.createQueue(deadLetter, { retryLimit: 5, retryBackoff: true });
    const { policy, partition, ...updatable } = options;
    const settings = deadLetter ? { ...updatable, deadLetter } : updatable;
    if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, settings);
    else await this.boss.createQueue(name, { ...settings, ...(policy ? { policy } : {}), ...(partition ? { partition } : {}) });
  }

  /** Starts a worker on `name` (see pg-boss `work`); `stopWorkers` stops it. */
  async work<T, const O extends WorkOptions = WorkOptions>(name: string, options: O, handler: WorkHandlerFor<O, T>): Promise<void> {
    await this.boss.work<T, unknown, O>(name, options, handler);
    this.worked.add(name);
  }

  /**
   * Runs, here and now, each job of `name` that is ready (up to 100), one after another: completed
   * when `handle` resolves, failed (so retried after its backoff, as the queue says) when it throws.
   * What the workers do, for a run on demand and for tests.
   */
  async runReady<T extends object>(name: string, handle: (data: T) => Promise<unknown>): Promise<void> {
    for (const job of await this.boss.fetch<T>(name, { batchSize: 100 })) {
      try {
        await handle(job.data);
        await this.boss.complete(name, job.id);
      } catch (err) {
        await this.boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  /** Stops this instance's workers on `names`, waiting for the handlers under way. */
  async stopWorkers(...names: string[]): Promise<void> {
    const mine = names.filter((n) => this.worked.delete(n));
    await Promise.all(mine.map((n) => this.boss.offWork(n, { wait: true }))).catch((err: Error) => this.logger.warn(`job engine offWork: ${err.message}`));
  }

  /** Stops taking jobs; a handler under way finishes (up to 20 s) before the pool closes. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 20_000, close: false }).catch((err: Error) => this.logger.warn(`job engine stop: ${err.message}`));
  }

  /**
   * Runs `fn` in one transaction on a connection of the app's pool, with a pg-boss database handle
   * on that same transaction: rows the app writes and the jobs it sends for them commit together.
   */
  async inTransaction<T>(fn: (client: PoolClient, jobsDb: IDatabase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client, { executeSql: (text: string, values?: unknown[]) => client.query(text, values) });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
