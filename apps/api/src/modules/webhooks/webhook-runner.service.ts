import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'pg-boss';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../common/context/actor';
import { Caller } from '../../common/context/gql-context';
import { checkOutboundUrl, OutboundPolicy, postChecked } from '../../common/security/outbound-url';
import { AppConfig } from '../../config/app-config';
import { inBackground } from '../../database/query-counter';
import { toActivityChange } from '../activity/activity-change.mapper';
import { ActivityService } from '../activity/activity.service';
import { NotificationsService } from '../comments/notifications.service';
import { JobsService } from '../jobs/jobs.service';
import { Repeating } from '../jobs/repeating';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook.models';
import { EndpointRow, PendingChange, WebhooksRepository } from './webhooks.repository';

/** One job per endpoint with changes to take; at most one queued or running per endpoint ('exclusive' on its id). */
export const WEBHOOK_QUEUE = 'webhook-send';
/** Where an endpoint's job goes when its retries are spent: the endpoint is disabled there. */
export const WEBHOOK_DEAD_LETTERS = 'webhook-send-dead';
/** Changes read per step of a job. */
const PAGE = 100;
/** Longest a job may stay active: a page of changes, each cut off at WEBHOOK_TIMEOUT_MS. */
const JOB_EXPIRY_SECONDS = 3600;

interface EndpointJob {
  endpointId: string;
}

/** The Standard Webhooks body: the change, typed by its verb (`change`, as GraphQL's Activity.change has it, beside the stored JSON). */
function payloadOf(change: Omit<PendingChange, 'wanted'>, now: Date): string {
  const { typename, ...typed } = toActivityChange(change);
  return JSON.stringify({
    type: change.verb,
    timestamp: now.toISOString(),
    data: {
      activityId: change.id,
      workspaceId: change.workspaceId,
      verb: change.verb,
      subjectType: change.subjectType,
      subjectId: change.subjectId,
      actor: { type: change.actorType, id: change.actorId, label: change.actorLabel },
      before: change.before,
      after: change.after,
      createdAt: new Date(change.createdAt).toISOString(),
      commitmentId: change.commitmentId,
      agreementId: change.agreementId,
      change: { __typename: typename, ...typed },
    },
  });
}

/**
 * Sends the workspace's changes to its webhook endpoints through the job engine, at least once and
 * in order per endpoint. Each instance looks every WEBHOOK_POLL_SECONDS for enabled endpoints with
 * changes after their cursor (one query) and sends a job for each; the queue's 'exclusive' policy
 * keyed on the endpoint keeps one queued or running per endpoint, so two never send at once. The
 * job POSTs the endpoint's next changes in activity order and moves its cursor past each one that
 * got a 2xx (and past those it does not want); the first failure fails the job, and the engine
 * retries it after an exponential backoff (WEBHOOK_RETRY_SECONDS doubling up to
 * WEBHOOK_RETRY_MAX_SECONDS, WEBHOOK_RETRY_LIMIT times): the same change first, so none is
 * skipped. When the retries are spent, the job's dead letter disables the endpoint and notifies
 * the workspace's owners and admins.
 */
@Injectable()
export class WebhookRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly scheduler = new Repeating('webhook scheduling', this.logger);
  readonly policy: OutboundPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: WebhooksRepository,
    private readonly activity: ActivityService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {
    this.policy = { allowLoopback: config.WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS };
  }

  async onApplicationBootstrap(): Promise<void> {
    // The app made only to write schema.gql has no database, and so no job engine.
    if (!this.jobs.running) return;
    const backoff = this.config.WEBHOOK_RETRY_SECONDS > 0;
    await this.jobs.ensureQueue(
      WEBHOOK_QUEUE,
      {
        retryLimit: this.config.WEBHOOK_RETRY_LIMIT,
        retryDelay: this.config.WEBHOOK_RETRY_SECONDS,
        retryBackoff: backoff,
        ...(backoff ? { retryDelayMax: this.config.WEBHOOK_RETRY_MAX_SECONDS } : {}),
        expireInSeconds: JOB_EXPIRY_SECONDS,
        policy: 'exclusive',
      },
      WEBHOOK_DEAD_LETTERS,
    );
    if (this.config.WEBHOOK_POLL_SECONDS <= 0) return;
    const poll = { pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS };
    await this.jobs.work<EndpointJob>(WEBHOOK_QUEUE, { ...poll, batchSize: 1, localConcurrency: 4 }, ([job]) => inBackground(() => this.deliverPending(job.data.endpointId)));
    await this.jobs.work<EndpointJob>(WEBHOOK_DEAD_LETTERS, poll, (jobs) => inBackground(() => this.deadLetters(jobs)));
    this.scheduler.start(this.config.WEBHOOK_POLL_SECONDS, () => this.schedule());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    await this.jobs.stopWorkers(WEBHOOK_QUEUE, WEBHOOK_DEAD_LETTERS);
  }

  /** A job for each enabled endpoint with changes after its cursor (none where one is queued or running already). */
  async schedule(workspaceId: string | null = null): Promise<number> {
    const due = await this.repo.due(workspaceId);
    if (!due.length) return 0;
    // The ids of the jobs made (an endpoint with one already queued or running gets none): pg-boss returns them only when asked.
    const sent = await this.jobs.boss.insert(WEBHOOK_QUEUE, due.map((id) => ({ data: { endpointId: id }, singletonKey: id })), { returnId: true });
    return sent?.length ?? 0;
  }

  /**
   * What the background workers do, here and now (tests, and a run on demand): schedules, takes
   * each queued job that is ready once (a failed one is retried by the next run, after its
   * backoff), then the dead letters.
   */
  async runOnce(workspaceId: string | null = null): Promise<void> {
    await this.schedule(workspaceId);
    await this.jobs.runReady<EndpointJob>(WEBHOOK_QUEUE, (job) => this.deliverPending(job.endpointId));
    const boss = this.jobs.boss;
    for (let dead = await boss.fetch<EndpointJob>(WEBHOOK_DEAD_LETTERS, { batchSize: 100 }); dead.length; dead = await boss.fetch<EndpointJob>(WEBHOOK_DEAD_LETTERS, { batchSize: 100 })) {
      await this.deadLetters(dead);
      await boss.complete(WEBHOOK_DEAD_LETTERS, dead.map((j) => j.id));
    }
  }

  /**
   * Sends the endpoint's next changes in order. The cursor moves past each one delivered (2xx) and
   * past those the endpoint does not want; the first failure throws, so the job fails and is retried
   * from that change.
   */
  async deliverPending(endpointId: string): Promise<void> {
    const endpoint = await this.repo.forSending(endpointId);
    if (!endpoint?.enabled) return;
    for (;;) {
      const page = await this.repo.pending(endpointId, PAGE);
      if (!page.length) return;
      let stepped: string | null = null;
      for (const change of page) {
        if (!change.wanted) {
          stepped = change.id;
          continue;
        }
        const delivery = await this.send(endpoint, change);
        if (delivery.status !== WebhookDeliveryStatus.SUCCEEDED) {
          if (stepped) await this.repo.advance(endpointId, stepped);
          throw new Error(`change ${change.id}: ${delivery.error}`);
        }
        await this.repo.advance(endpointId, change.id);
        stepped = null;
      }
      if (stepped) await this.repo.advance(endpointId, stepped);
      if (page.length < PAGE) return;
    }
  }

  /** Sends one change to the endpoint once more (its cursor is not moved) and records the attempt. */
  async redeliver(workspaceId: string, delivery: WebhookDelivery): Promise<WebhookDelivery> {
    const endpoint = await this.repo.forSending(delivery.endpointId);
    const change = await this.repo.change(workspaceId, delivery.activityId);
    if (!endpoint || !change) return delivery;
    return this.send(endpoint, change);
  }

  /**
   * One signed POST (Standard Webhooks: webhook-id is the change's activity id, the same on every
   * retry) to the address checked now, after DNS, and recorded. Anything but a 2xx is a failure:
   * a redirect is not followed.
   */
  private async send(endpoint: EndpointRow, change: Omit<PendingChange, 'wanted'>): Promise<WebhookDelivery> {
    const now = new Date();
    const body = payloadOf(change, now);
    const headers = {
      'webhook-id': change.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(endpoint.secret).sign(change.id, now, body),
    };
    let record: { status: WebhookDeliveryStatus; responseCode: number | null; error: string | null; durationMs: number };
    const started = Date.now();
    try {
      const target = await checkOutboundUrl(endpoint.url, this.policy);
      const res = await postChecked(target, headers, body, this.config.WEBHOOK_TIMEOUT_MS);
      const ok = res.status >= 200 && res.status < 300;
      const error = ok ? null : res.status >= 300 && res.status < 400 ? `answered ${res.status} (a redirect, not followed)` : `answered ${res.status}`;
      record = { status: ok ? WebhookDeliveryStatus.SUCCEEDED : WebhookDeliveryStatus.FAILED, responseCode: res.status, error, durationMs: res.durationMs };
    } catch (err) {
      record = { status: WebhookDeliveryStatus.FAILED, responseCode: null, error: err instanceof Error ? err.message : String(err), durationMs: Date.now() - started };
    }
    return this.repo.recordAttempt(endpoint.workspaceId, endpoint.id, change.id, record);
  }

  /** Endpoints whose retries are spent: disabled, with an activity row and a notification to each owner and admin. */
  private async deadLetters(jobs: Job<EndpointJob>[]): Promise<void> {
    for (const job of jobs) {
      const endpointId = job.data.endpointId;
      const last = await this.repo.lastError(endpointId);
      const reason = `deliveries kept failing through ${this.config.WEBHOOK_RETRY_LIMIT} retries${last ? `; last: ${last}` : ''}`;
      await this.dataSource.transaction(async (m) => {
        const workspaceId = await this.repo.disable(m, endpointId, reason);
        if (!workspaceId) return;
        const system = { workspaceId, actor: SYSTEM_ACTOR } as Caller;
        await this.activity.record(m, system, { verb: 'webhook_endpoint.disabled', subjectType: 'WebhookEndpoint', subjectId: endpointId, after: { enabled: false, reason } });
        await this.notifications.webhookDisabled(m, workspaceId, endpointId);
      });
      this.logger.warn(`webhook endpoint ${endpointId} disabled: ${reason}`);
    }
  }
}
