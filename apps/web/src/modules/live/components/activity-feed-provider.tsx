import { ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { ActivityAddedSubscription } from '../graphql/activity-added.subscription';
import { useLiveSubscription } from '../hooks/use-live-subscription';
import { isAfter } from '../live-cursor';
import { ActivityFeed, ActivityFeedContext, ActivityListener } from './activity-feed-context';

export interface ActivityFeedProviderProps {
  /** The newest change when the session started: the feed resumes after it, so nothing between is missed. */
  since: string | null;
  children: ReactNode;
}

/**
 * One subscription to the workspace's changes for the whole session, shared by every screen. It
 * remembers the last change it saw and, after a lost connection, asks for what came after it
 * (`since`); replays of what it has already seen are dropped.
 */
export function ActivityFeedProvider({ since, children }: ActivityFeedProviderProps) {
  const cursor = useRef(since);
  const listeners = useRef(new Set<ActivityListener>());
  // Only where it starts: later the cursor moves on by itself, and a newer `since` would skip what is in flight.
  const [variables] = useState(() => ({ since }));
  const liveVariables = useCallback(() => ({ since: cursor.current }), []);

  useLiveSubscription(
    ActivityAddedSubscription,
    variables,
    ({ activityAdded: activity }) => {
      if (!isAfter(activity.id, cursor.current)) return;
      cursor.current = activity.id;
      listeners.current.forEach((listener) => listener(activity));
    },
    { liveVariables },
  );

  const feed = useMemo<ActivityFeed>(
    () => ({
      listen(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [],
  );
  return <ActivityFeedContext.Provider value={feed}>{children}</ActivityFeedContext.Provider>;
}
