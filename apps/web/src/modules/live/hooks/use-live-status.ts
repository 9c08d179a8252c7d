import { useCallback, useContext, useSyncExternalStore } from 'react';
import { LiveConnectionContext } from '../components/live-connection-context';
import type { LiveStatus } from '../live-connection';

/** Whether changes by others arrive as they happen: the state of the session's WebSocket. */
export function useLiveStatus(): LiveStatus | null {
  const live = useContext(LiveConnectionContext);
  const subscribe = useCallback((onChange: () => void) => live?.onStatus(onChange) ?? (() => undefined), [live]);
  return useSyncExternalStore(subscribe, () => live?.status() ?? null);
}
