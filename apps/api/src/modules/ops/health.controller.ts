import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DigestRunnerService } from '../digests/digest-runner.service';
import { LiveEventsService } from '../live/live-events.service';
import { OpsState } from './ops-state';

/**
 * Liveness and readiness, for the container and the proxy. Live: the process answers (nothing else
 * is checked, so a database outage does not get the instance restarted). Ready: it can serve —
 * the database answers within HEALTH_DB_TIMEOUT_MS, the LISTEN connection of the live feed is up,
 * the digest scheduler runs, admission is not saturated, and it is not shutting down. 503 otherwise,
 * with what is down. `/health` is readiness, as before.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly liveEvents: LiveEventsService,
    private readonly digests: DigestRunnerService,
    private readonly state: OpsState,
    private readonly config: AppConfig,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicator.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get(['', 'ready'])
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () =>
        this.indicator
          .check('database')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
          })
          .withTimeout(this.config.HEALTH_DB_TIMEOUT_MS),
      () => {
        const check = this.indicator.check('liveListener');
        return this.liveEvents.isListening() ? check.up() : check.down({ message: 'the LISTEN connection is down; reconnecting' });
      },
      () => {
        const check = this.indicator.check('digestScheduler');
        const state = this.digests.schedulerState();
        return state === 'stopped' ? check.down({ state }) : check.up({ state });
      },
      () => {
        const check = this.indicator.check('admission');
        const lanes = Object.fromEntries(this.state.lanes.map((l) => [l.lane, { ...l.load, saturated: l.saturated }]));
        return this.state.lanes.some((l) => l.saturated) ? check.down(lanes) : check.up(lanes);
      },
      () => {
        const check = this.indicator.check('shutdown');
        return this.state.draining ? check.down({ message: 'shutting down' }) : check.up();
      },
    ]);
  }
}
