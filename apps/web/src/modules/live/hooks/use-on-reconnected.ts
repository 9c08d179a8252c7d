import { useContext, useEffect, useRef } from 'react';
import { LiveConnectionContext } from '../components/live-connection-context';

/** Calls `onReconnected` when a lost connection is back: what has no `since` cursor reloads then. */
export function useOnReconnected(onReconnected: () => void): void {
  const live = useContext(LiveConnectionContext);
  const handler = useRef(onReconnected);
  handler.current = onReconnected;
  useEffect(() => live?.onReconnected(() => handler.current()), [live]);
}
