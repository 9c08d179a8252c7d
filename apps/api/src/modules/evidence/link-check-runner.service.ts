import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboundPolicy } from '../../common/security/outbound-url';
import { AppConfig } from '../../config/app-config';
import { inBackground } from '../../database/query-counter';
import { JobsService } from '../jobs/jobs.service';
import { Repeating } from '../jobs/repeating';
import { checkLink, LinkResult } from './link-check';

/** One job per host with addresses due a check; at most one queued or running per host ('exclusive' on the host). */
export const LINK_CHECK_QUEUE = 'evidence-link-check';
/** Addresses one job checks (one after another, LINK_CHECK_HOST_DELAY_MS apart); the next pass sends another job for the rest. */
const PER_JOB = 20;
/** Hosts one pass sends jobs for at most. */
const HOSTS_PER_PASS = 500;
/** Longest a job may stay active. */
const JOB_EXPIRY_SECONDS = 3600;

interface HostJob {
  host: string;
}

/**
 * Checks the addresses of the sources in use (not archived) through the job engine, politely: each
 * instance looks every LINK_CHECK_POLL_SECONDS for hosts with addresses not checked within
 * LINK_CHECK_INTERVAL_HOURS and sends a job per host; the queue's 'exclusive' policy keyed on the
 * host keeps one queued or running per host across every instance, so a host is asked one thing
 * at a time. The job checks up to PER_JOB of that host's addresses one after another,
 * LINK_CHECK_HOST_DELAY_MS apart, each address once for every source that has it, in every
 * workspace (a system task: the address is the same page wherever it is cited). A failed check
 * is a recorded state, not a failed job.
 */
@Injectable()
export class LinkCheckRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LinkChecks');
  private readonly scheduler = new Repeating('link-check scheduling', this.logger);
  readonly policy: OutboundPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {
    this.policy = { allowLoopback: config.WEBHOOKS_ALLOW_LOOPBACK_FOR_TESTS };
  }

  async onApplicationBootstrap(): Promise<void> {
    // The app made only to write schema.gql has no database, and so no job engine.
    if (!this.jobs.running) return;
    await this.jobs.ensureQueue(LINK_CHECK_QUEUE, { retryLimit: 1, expireInSeconds: JOB_EXPIRY_SECONDS, policy: 'exclusive' });
    if (this.config.LINK_CHECK_POLL_SECONDS <= 0) return;
    await this.jobs.work<HostJob>(LINK_CHECK_QUEUE, { pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS, batchSize: 1, localConcurrency: 4 }, ([job]) =>
      inBackground(() => this.checkHost(job.data.host)));
    this.scheduler.start(this.config.LINK_CHECK_POLL_SECONDS, () => this.schedule());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    await this.jobs.stopWorkers(LINK_CHECK_QUEUE);
  }

  /** The condition on `evidence e` for a source whose address is due a check. */
  private get due(): string {
    return `e.url IS NOT NULL AND e.archived_at IS NULL AND e.url_host IS NOT NULL AND e.url_host <> ''
      AND (e.link_checked_at IS NULL OR e.link_checked_at < now() - make_interval(hours => ${Number(this.config.LINK_CHECK_INTERVAL_HOURS)}))`;
  }

  /** A job for each host with addresses due (none where one is queued or running already). `host`: that one only (tests). */
  async schedule(host: string | null = null): Promise<number> {
    const rows: { host: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e.url_host AS host FROM evidence e WHERE ${this.due} AND ($1::text IS NULL OR e.url_host = $1) LIMIT ${HOSTS_PER_PASS}`,
      [host],
    );
    if (!rows.length) return 0;
    const sent = await this.jobs.boss.insert(LINK_CHECK_QUEUE, rows.map((r) => ({ data: { host: r.host }, singletonKey: r.host })), { returnId: true });
    return sent?.length ?? 0;
  }

  /**
   * What the background workers do, here and now (tests, and a run on demand): schedules, then
   * takes each queued job that is ready once. `host`: schedules that host's only.
   */
  async runOnce(host: string | null = null): Promise<void> {
    await this.schedule(host);
    await this.jobs.runReady<HostJob>(LINK_CHECK_QUEUE, (job) => this.checkHost(job.host));
  }

  /** Checks up to PER_JOB of the host's due addresses, one at a time, LINK_CHECK_HOST_DELAY_MS apart, and records each. */
  async checkHost(host: string): Promise<number> {
    const rows: { url: string }[] = await this.dataSource.query(
      `SELECT e.url FROM evidence e WHERE e.url_host = $1 AND ${this.due}
       GROUP BY e.url ORDER BY min(e.link_checked_at) NULLS FIRST, e.url LIMIT ${PER_JOB}`,
      [host],
    );
    for (const [i, { url }] of rows.entries()) {
      if (i > 0 && this.config.LINK_CHECK_HOST_DELAY_MS > 0) await sleep(this.config.LINK_CHECK_HOST_DELAY_MS);
      const result = await checkLink(url, this.policy, this.config.LINK_CHECK_TIMEOUT_MS);
      await this.record(host, url, result);
    }
    return rows.length;
  }

  /** The result on every source in use with this address (across workspaces: the same page). */
  private async record(host: string, url: string, r: LinkResult): Promise<void> {
    await this.dataSource.query(
      `UPDATE evidence SET link_state = $3, link_status_code = $4, link_final_url = $5, link_error = $6, link_checked_at = now()
       WHERE url_host = $1 AND url = $2 AND archived_at IS NULL`,
      [host, url, r.state, r.statusCode, r.finalUrl, r.error?.slice(0, 500) ?? null],
    );
    if (r.state === 'BROKEN' || r.state === 'UNREACHABLE') this.logger.log(`${url}: ${r.state}${r.statusCode ? ` ${r.statusCode}` : ''}${r.error ? ` (${r.error})` : ''}`);
  }
}
