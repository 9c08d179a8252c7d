import { Injectable } from '@nestjs/common';
import type { MeteredAdmission } from './metered';

/** What createApp builds outside Nest (the admission lanes) and the shutdown's progress, for health and metrics. */
@Injectable()
export class OpsState {
  lanes: MeteredAdmission[] = [];
  /** Set at SIGTERM: the instance finishes what it has and takes nothing new, so it is no longer ready. */
  draining = false;
}
