import { useState } from 'react';
import type { PresenceSubscription as PresenceResult } from '../../../gql/graphql';
import { useLiveSubscription } from '../../live/hooks/use-live-subscription';
import { PresenceSubscription } from '../graphql/presence.subscription';

export type Viewer = PresenceResult['presence'][number];

/**
 * Shows you as looking at the commitment while the page is open (the subscription itself counts
 * you in; closing the tab takes you out), and lists who else is. Null until the server has answered.
 */
export function usePresence(commitmentId: string): Viewer[] | null {
  const [viewers, setViewers] = useState<{ commitmentId: string; list: Viewer[] } | null>(null);
  useLiveSubscription(PresenceSubscription, { commitmentId }, (data) => setViewers({ commitmentId, list: data.presence }));
  return viewers?.commitmentId === commitmentId ? viewers.list : null;
}
