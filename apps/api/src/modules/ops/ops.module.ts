import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DigestsModule } from '../digests/digests.module';
import { LiveModule } from '../live/live.module';
import { HealthController } from './health.controller';
import { MetricsService } from './metrics.service';
import { OpenSockets } from './open-sockets';
import { OpsState } from './ops-state';

/** Health (/health/live, /health/ready), the Prometheus metrics and what shutdown needs. */
@Global()
@Module({
  // Terminus's own logger off: a proxy probing an instance that is down would log an error every few seconds.
  imports: [TerminusModule.forRoot({ logger: false }), LiveModule, DigestsModule],
  controllers: [HealthController],
  providers: [MetricsService, OpenSockets, OpsState],
  exports: [MetricsService, OpenSockets, OpsState],
})
export class OpsModule {}
