import { ActorType } from '../../modules/activity/activity.entity';

/** Who is acting: recorded on every activity row and status change. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string;
}

// Until accounts land every caller acts anonymously in the default workspace.
export const ANONYMOUS_ACTOR: Actor = { type: 'ANONYMOUS', id: null, label: 'anonymous' };
