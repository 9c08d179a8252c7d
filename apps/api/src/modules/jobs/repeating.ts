import type { Logger } from '@nestjs/common';
import { inBackground } from '../../database/query-counter';

/**
 * A task run every few seconds on this instance, one run at a time (a run that outlasts the period
 * delays the next; runs never overlap), outside any request's statement count. A failed run is
 * logged and the next one goes ahead.
 */
export class Repeating {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
  ) {}

  start(seconds: number, run: () => Promise<unknown>): void {
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => inBackground(run))
        .catch((err) => this.logger.error(`${this.what} failed: ${err instanceof Error ? err.message : err}`));
    }, seconds * 1000);
    this.timer.unref();
  }

  get active(): boolean {
    return this.timer !== undefined;
  }

  /** No more runs; waits for the one under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running.catch(() => undefined);
  }
}
