import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { todayIso } from '@pactwatch/domain';
import { AppConfig } from '../../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { Repeating } from '../jobs/repeating';
import { ReminderRun, RemindersRepository } from './reminders.repository';

/**
 * Every REMINDER_POLL_SECONDS each instance looks for commitments due for a reminder or newly
 * overdue and records them (RemindersRepository.record). Any number of instances run it with no
 * leader: each reminder has a unique key, so it is recorded, and notifies, once. It runs where the
 * job engine runs (not in the app made only to write schema.gql).
 */
@Injectable()
export class ReminderRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private readonly scheduler = new Repeating('reminder check', this.logger);

  constructor(
    private readonly repo: RemindersRepository,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.jobs.running || this.config.REMINDER_POLL_SECONDS <= 0) return;
    this.scheduler.start(this.config.REMINDER_POLL_SECONDS, () => this.runOnce());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }

  get active(): boolean {
    return this.scheduler.active;
  }

  /** One check, as of `now` (UTC day), for one workspace or all. */
  async runOnce(now: Date = new Date(), workspaceId: string | null = null): Promise<ReminderRun> {
    const run = await this.repo.record(todayIso(now), workspaceId);
    if (run.reminders) this.logger.log(`${run.reminders} reminders, ${run.notifications} notifications`);
    return run;
  }
}
