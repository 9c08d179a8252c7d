import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DatabaseListenerModule } from './database-listener';
import { LiveConnections } from './live-connections';
import { LiveEventsService } from './live-events.service';
import { LiveResolver } from './live.resolver';

@Module({
  imports: [CommitmentsModule, DatabaseListenerModule],
  providers: [LiveConnections, LiveEventsService, LiveResolver],
  exports: [LiveConnections, LiveEventsService, DatabaseListenerModule],
})
export class LiveModule {}
