import { useEffect, useRef, useState } from 'react';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';

/** Changes that move the dashboard's counts: a new commitment, a status, a due date, parties or themes. */
const COUNTED = new Set(['commitment.created', 'commitment.updated', 'commitment.status_changed']);
/** A burst of changes (an import, several analysts at once) makes one reload. */
const SETTLE_MS = 800;

/** A number that goes up, once things settle, each time others change what the dashboard counts. */
export function useDashboardRevision(): number {
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useActivityFeed((activity) => {
    if (!COUNTED.has(activity.verb)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setRevision((r) => r + 1), SETTLE_MS);
  });
  return revision;
}
