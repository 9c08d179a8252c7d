import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { PresenceResolver } from './presence.resolver';
import { PresenceService } from './presence.service';

/** Who is looking at a commitment now, across API instances. */
@Module({ imports: [CommitmentsModule], providers: [PresenceService, PresenceResolver] })
export class PresenceModule {}
