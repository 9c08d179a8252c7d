import type { Pool } from 'pg';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { FairAdmission, FairAdmissionOptions, Refusal } from '../../common/http/fair-admission';
import { CallerRateLimiter, RateVerdict } from '../../common/security/caller-limits';
import { MetricsService } from './metrics.service';

/** A fair-admission lane that reports its waits and refusals. */
export class MeteredAdmission extends FairAdmission {
  constructor(
    readonly lane: 'heavy' | 'light',
    private readonly limits: FairAdmissionOptions,
    private readonly metrics: MetricsService,
  ) {
    super(limits);
  }

  override admit(caller: string, res: Response, start: () => void, refuse: (refusal: Refusal) => void): void {
    const began = performance.now();
    super.admit(
      caller,
      res,
      () => {
        this.metrics.admissionWait.observe({ lane: this.lane }, (performance.now() - began) / 1000);
        start();
      },
      (refusal) => {
        this.metrics.admissionRefused.inc({ lane: this.lane, reason: refusal.reason });
        refuse(refusal);
      },
    );
  }

  /** Whether a new request would be refused at once: every slot taken and the queue full. */
  get saturated(): boolean {
    const { active, queued } = this.load;
    return active >= this.limits.slots && queued >= this.limits.queueMax;
  }
}

/** The per-caller rate limit (HTTP and WebSocket share one), counting its refusals. */
export class MeteredRateLimiter extends CallerRateLimiter {
  constructor(
    perMinute: number,
    private readonly metrics: MetricsService,
    pool?: Pool,
  ) {
    super(perMinute, pool);
  }

  override async consume(key: string): Promise<RateVerdict> {
    const verdict = await super.consume(key);
    if (!verdict.allowed) this.metrics.rateLimited.inc();
    return verdict;
  }
}

/** Refusals for cost carry their limit in extensions (maxDepth, maxNodes, maxAliases, …): counted by it. */
export function countLimitRefusals(metrics: MetricsService, errors: readonly { extensions?: Readonly<Record<string, unknown>> }[] | undefined): void {
  for (const error of errors ?? []) {
    const limit = Object.keys(error.extensions ?? {}).find((k) => /^max[A-Z]/.test(k));
    if (limit) metrics.limitRefused.inc({ limit: limit.slice(3).toLowerCase() });
  }
}

// Operation names come from callers: past this many distinct ones, the rest are counted as "other".
const MAX_OPERATION_NAMES = 200;

/** Times every GraphQL request over HTTP by its operation name and outcome (ok, or the first error's code). */
export function requestMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  const names = new Set<string>();
  const label = (name: string | null | undefined) => {
    const operation = name || 'anonymous';
    if (names.has(operation)) return operation;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(operation);
    return operation;
  };
  return {
    async requestDidStart() {
      const began = performance.now();
      return {
        async willSendResponse({ response, operationName, request }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === 'string' ? code : 'error') : 'ok';
          metrics.graphqlDuration.observe({ operation: label(operationName ?? request.operationName), outcome }, (performance.now() - began) / 1000);
          countLimitRefusals(metrics, errors);
        },
      };
    },
  };
}
