import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import type { CommitmentPageFragment } from '../../../gql/graphql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { useLiveSubscription } from '../../live/hooks/use-live-subscription';
import { useOnReconnected } from '../../live/hooks/use-on-reconnected';
import { CommitmentChangedSubscription, CommitmentQuery } from '../graphql/commitment.query';
import { newerCommitment } from '../newer-commitment';

/** How long a status change seen in the activity feed may wait for its commitmentChanged before the page asks for it. */
const CATCH_UP_MS = 1_500;

/**
 * One commitment with its history, evidence, figures and links, kept current: every change anyone
 * makes arrives by `commitmentChanged` and replaces what is shown (never a form being filled in:
 * those keep the version they were opened on). After a lost connection the page reads it again;
 * a status change the activity feed reports but the subscription has not delivered is fetched.
 */
export function useCommitment(id: string) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CommitmentQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [latest, setLatest] = useState<CommitmentPageFragment | null>(null);
  const shown = latest?.id === id ? latest : (data?.commitment ?? null);
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    if (data) setLatest((current) => newerCommitment(current, data.commitment));
  }, [data]);

  useLiveSubscription(CommitmentChangedSubscription, { id }, ({ commitmentChanged }) => {
    setLatest((current) => newerCommitment(current, commitmentChanged));
  });

  useOnReconnected(refresh);

  const catchUp = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(catchUp.current), []);
  useActivityFeed((activity) => {
    const { version } = activity.change;
    if (activity.subjectType !== 'Commitment' || activity.subjectId !== id || version === null) return;
    clearTimeout(catchUp.current);
    catchUp.current = setTimeout(() => {
      if ((shownRef.current?.version ?? 0) < version) refresh();
    }, CATCH_UP_MS);
  });

  return { data: shown ? { commitment: shown } : undefined, error, fetching, refresh };
}
