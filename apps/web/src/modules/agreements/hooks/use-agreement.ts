import { useCallback, useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { useActivityFeed } from '../../live/hooks/use-activity-feed';
import { AgreementQuery } from '../graphql/agreement.queries';

/** Several changes in a burst (a status change with new sources) make one reload. */
const SETTLE_MS = 400;

/**
 * One agreement with its commitments, sources and their history, reloaded when anyone changes the
 * agreement or one of its commitments (comments aside: the thread follows those itself).
 */
export function useAgreement(id: string) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AgreementQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  // Asks the server again, past the cache: after a change made here.
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const commitmentIds = new Set(data?.agreement.commitments.edges.map((e) => e.node.id));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useActivityFeed((activity) => {
    // What a change concerns is stored with it: the agreement itself, or one of its commitments.
    const concerns =
      activity.subjectType !== 'Comment' && (activity.agreementId === id || (!!activity.commitmentId && commitmentIds.has(activity.commitmentId)));
    if (!concerns) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(refresh, SETTLE_MS);
  });

  return { data, error, fetching, refresh };
}
