import { useEffect, useRef } from 'react';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';

/** Changes made in a burst (an import, a colleague's edits) make one re-read, once things settle. */
const SETTLE_MS = 300;

/**
 * Calls `reread` after others change commitments: a change may move a card to another column or
 * out of the filter, so the columns read again rather than patch a card where it stands.
 */
export function useFollowBoard(reread: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useActivityFeed((activity) => {
    if (activity.subjectType !== 'Commitment') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(reread, SETTLE_MS);
  });
}
