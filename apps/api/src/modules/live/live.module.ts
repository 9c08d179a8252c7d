import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { LiveConnections } from './live-connections';
import { LiveEventsService } from './live-events.service';
import { LiveResolver } from './live.resolver';

@Module({ imports: [CommitmentsModule], providers: [LiveConnections, LiveEventsService, LiveResolver], exports: [LiveConnections, LiveEventsService] })
export class LiveModule {}
