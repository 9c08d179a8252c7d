import { ActorType } from '../../modules/activity/activity.entity';

/** Who is acting: recorded on every activity row and status change. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'SYSTEM', id: null, label: 'system' };
