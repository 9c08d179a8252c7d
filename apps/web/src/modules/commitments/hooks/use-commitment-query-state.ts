import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CommitmentQueryState, parseCommitmentQuery, toSearchParams } from '../commitment-query';

/** The list's filters, search and sort live in the URL: sharing the address shares the view. */
export function useCommitmentQueryState(): [CommitmentQueryState, (change: Partial<CommitmentQueryState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseCommitmentQuery(params), [params]);
  const update = useCallback(
    (change: Partial<CommitmentQueryState>) =>
      setParams((current) => toSearchParams({ ...parseCommitmentQuery(current), ...change }), { replace: true }),
    [setParams],
  );
  return [state, update];
}
