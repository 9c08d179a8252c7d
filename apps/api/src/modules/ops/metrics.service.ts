import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OpenSockets } from './open-sockets';

/** What pg's Pool counts, read at each scrape. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** TypeORM's pg driver keeps its pool as `master`. */
function poolOf(dataSource: DataSource): PoolCounts | undefined {
  return dataSource.isInitialized ? (dataSource.driver as unknown as { master?: PoolCounts }).master : undefined;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Every Prometheus metric of an instance, in one registry of its own (two apps in one process, as
 * in the tests, do not clash). Code that counts something injects this service and increments;
 * gauges of state kept elsewhere (the pool, the sockets, the digest backlog) are read at scrape.
 * The names are listed in the README (Operations).
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();

  readonly graphqlDuration = new Histogram({
    name: 'pactwatch_graphql_request_duration_seconds',
    help: 'GraphQL requests over HTTP, from parsing to the answer, by operation name and outcome (ok or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly admissionWait = new Histogram({
    name: 'pactwatch_admission_wait_seconds',
    help: 'Time a GraphQL request waited for an admission slot, by lane (heavy or light)',
    labelNames: ['lane'] as const,
    buckets: [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly admissionRefused = new Counter({
    name: 'pactwatch_admission_refusals_total',
    help: 'GraphQL requests refused by admission (503), by lane and reason (queue-full, caller-queue-full, timeout)',
    labelNames: ['lane', 'reason'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'pactwatch_rate_limit_refusals_total',
    help: 'Operations refused by the per-caller rate limit, over HTTP and WebSocket',
    registers: [this.registry],
  });

  readonly limitRefused = new Counter({
    name: 'pactwatch_query_limit_refusals_total',
    help: 'Operations refused for their cost, by limit (depth or nodes)',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly eventsDelivered = new Counter({
    name: 'pactwatch_live_events_delivered_total',
    help: 'Results sent to live subscribers over WebSocket',
    registers: [this.registry],
  });

  readonly fastPathEngaged = new Gauge({
    name: 'pactwatch_graphql_fast_path_engaged',
    help: 'Each piece of the GraphQL read fast path: 1 when engaged, 0 when off by setting or by a failed start-up self-check',
    labelNames: ['piece'] as const,
    registers: [this.registry],
  });

  readonly digestSent = new Counter({ name: 'pactwatch_digests_sent_total', help: 'Digest emails sent', registers: [this.registry] });
  readonly digestFailed = new Counter({
    name: 'pactwatch_digests_failed_total',
    help: 'Digest deliveries that failed for good (their attempts ran out)',
    registers: [this.registry],
  });
  readonly digestRetried = new Counter({
    name: 'pactwatch_digests_retried_total',
    help: 'Digest deliveries that failed and are retried later',
    registers: [this.registry],
  });

  /** Admission lanes' current load, set by createApp once the lanes exist. */
  admissionLoad: () => { lane: string; active: number; queued: number }[] = () => [];

  constructor(dataSource: DataSource, sockets: OpenSockets) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pactwatch_' });
    const admission = () => this.admissionLoad();
    new Gauge({
      name: 'pactwatch_admission_queue_length',
      help: 'GraphQL requests waiting for an admission slot, by lane',
      labelNames: ['lane'] as const,
      registers: [this.registry],
      collect() {
        for (const { lane, queued } of admission()) this.set({ lane }, queued);
      },
    });
    new Gauge({
      name: 'pactwatch_admission_active',
      help: 'GraphQL requests being worked on, by lane',
      labelNames: ['lane'] as const,
      registers: [this.registry],
      collect() {
        for (const { lane, active } of admission()) this.set({ lane }, active);
      },
    });
    const pool = (key: keyof PoolCounts, name: string, help: string) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(poolOf(dataSource)?.[key] ?? 0);
        },
      });
    pool('totalCount', 'pactwatch_db_pool_connections', 'Connections the database pool holds');
    pool('idleCount', 'pactwatch_db_pool_idle', 'Idle connections in the database pool');
    pool('waitingCount', 'pactwatch_db_pool_waiting', 'Queries waiting for a database connection');
    new Gauge({
      name: 'pactwatch_live_connections',
      help: 'Open, authenticated WebSocket connections',
      registers: [this.registry],
      collect() {
        this.set(sockets.connections);
      },
    });
    new Gauge({
      name: 'pactwatch_live_subscriptions',
      help: 'Live subscriptions running over those connections',
      registers: [this.registry],
      collect() {
        this.set(sockets.subscriptions);
      },
    });
    const logger = this.logger;
    new Gauge({
      name: 'pactwatch_digest_lag_seconds',
      help: 'Age of the oldest digest delivery that is due and not yet taken (0 when none waits)',
      registers: [this.registry],
      async collect() {
        if (!dataSource.isInitialized) return;
        try {
          const [row]: { lag: number | null }[] = await dataSource.query(
            `SELECT EXTRACT(EPOCH FROM now() - min(next_attempt_at))::float8 AS lag FROM digest_deliveries WHERE status = 'PENDING' AND next_attempt_at <= now()`,
          );
          this.set(row?.lag ?? 0);
        } catch (err) {
          logger.warn(`digest lag: ${err instanceof Error ? err.message : err}`);
        }
      },
    });
  }

  /** The Prometheus text exposition. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
