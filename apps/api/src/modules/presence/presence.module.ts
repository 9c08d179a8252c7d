import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { DatabaseListenerModule } from '../live/database-listener';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

/** Who is looking at a commitment now, across API instances. */
@Module({ imports: [CommitmentsModule, DatabaseListenerModule], providers: [PresenceService, PresenceResolver] })
export class PresenceModule {}
