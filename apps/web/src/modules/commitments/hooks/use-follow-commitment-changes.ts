import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { CommitmentRowQuery } from '../graphql/commitment-list.queries';
import type { CommitmentRow } from './use-find-commitments';

/** Rows changed in a burst are read again together, once things settle. */
const SETTLE_MS = 300;

export interface FollowedList {
  rows: CommitmentRow[];
  replaceRow: (row: CommitmentRow) => void;
}

/**
 * Keeps a loaded commitment list current while others work: a row someone changes is read again
 * and updated where it stands (rows do not jump under the reader). What may change which rows
 * match or their order — a new commitment, or any change while the list is filtered or sorted —
 * also marks the list as out of date, for the reader to reload when they choose. After a lost
 * connection the feed replays what was missed, so nothing needs reloading then.
 */
export function useFollowCommitmentChanges(list: FollowedList, narrowed: boolean) {
  const client = useClient();
  const [outdated, setOutdated] = useState(false);
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const listRef = useRef(list);
  listRef.current = list;
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = useCallback(() => {
    const ids = [...pending.current];
    pending.current.clear();
    for (const id of ids) {
      void client
        .query(CommitmentRowQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (result.data) listRef.current.replaceRow(result.data.commitment);
        });
    }
  }, [client]);

  useActivityFeed((activity) => {
    if (activity.subjectType !== 'Commitment') return;
    if (activity.verb === 'commitment.created') {
      setOutdated(true);
      return;
    }
    // Filtered or sorted, any change may add, drop or move a row.
    if (narrowed) setOutdated(true);
    if (!listRef.current.rows.some((r) => r.id === activity.subjectId)) return;
    pending.current.add(activity.subjectId);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SETTLE_MS);
  });

  return { outdated, clearOutdated: () => setOutdated(false) };
}
