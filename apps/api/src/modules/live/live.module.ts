import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { LiveEventsService } from './live-events.service';
import { LiveResolver } from './live.resolver';

@Module({ imports: [CommitmentsModule], providers: [LiveEventsService, LiveResolver], exports: [LiveEventsService] })
export class LiveModule {}
