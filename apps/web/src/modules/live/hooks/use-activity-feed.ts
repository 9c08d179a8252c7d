import { useContext, useEffect, useRef } from 'react';
import { ActivityFeedContext, ActivityListener } from '../components/activity-feed-context';

/** Calls `onActivity` (the latest one given) for each change of the workspace made from now on, by anyone. */
export function useActivityFeed(onActivity: ActivityListener): void {
  const feed = useContext(ActivityFeedContext);
  const handler = useRef(onActivity);
  handler.current = onActivity;
  useEffect(() => feed?.listen((activity) => handler.current(activity)), [feed]);
}
