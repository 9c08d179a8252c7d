import { useCallback, useEffect, useRef, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { PAGE_SIZE_MAX } from '@pactwatch/domain';
import type { CommitmentFilter, CommitmentListQuery as CommitmentListResult, CommitmentOrder } from '../../../gql/graphql';
import { CommitmentListQuery } from '../graphql/commitment-list.queries';

export type CommitmentRow = CommitmentListResult['commitments']['edges'][number]['node'];

interface ListState {
  rows: CommitmentRow[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  fetching: boolean;
  error: CombinedError | null;
}

const START: ListState = { rows: [], totalCount: null, endCursor: null, hasNextPage: true, fetching: false, error: null };

/**
 * Finds the commitments matching a filter, a page of 100 at a time as the reader scrolls.
 * A new filter or order starts over; answers to an older one are ignored.
 */
export function useFindCommitments(filter: CommitmentFilter, orderBy: CommitmentOrder | null) {
  const client = useClient();
  const [state, setState] = useState<ListState>(START);
  const stateRef = useRef(state);
  stateRef.current = state;
  const generation = useRef(0);
  const inFlight = useRef(false);
  const signature = JSON.stringify([filter, orderBy]);

  const fetchPage = useCallback(
    async (after: string | null, gen: number) => {
      inFlight.current = true;
      setState((s) => ({ ...s, fetching: true, error: null }));
      const [f, o] = JSON.parse(signature) as [CommitmentFilter, CommitmentOrder | null];
      const result = await client
        .query(CommitmentListQuery, { first: PAGE_SIZE_MAX, after, filter: f, orderBy: o }, { requestPolicy: 'network-only' })
        .toPromise();
      if (gen !== generation.current) return;
      inFlight.current = false;
      if (result.error || !result.data) {
        setState((s) => ({ ...s, fetching: false, error: result.error ?? null, hasNextPage: false }));
        return;
      }
      const page = result.data.commitments;
      setState((s) => ({
        rows: after === null ? page.edges.map((e) => e.node) : [...s.rows, ...page.edges.map((e) => e.node)],
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
        fetching: false,
        error: null,
      }));
    },
    [client, signature],
  );

  useEffect(() => {
    generation.current += 1;
    setState(START);
    void fetchPage(null, generation.current);
  }, [fetchPage]);

  /** Puts a row read again (someone changed it) in place of the one shown, where it is shown. */
  const replaceRow = useCallback((row: CommitmentRow) => {
    setState((s) => (s.rows.some((r) => r.id === row.id) ? { ...s, rows: s.rows.map((r) => (r.id === row.id ? row : r)) } : s));
  }, []);

  /** Reads the list again from the top, keeping what is shown until the answer comes. */
  const reload = useCallback(() => {
    generation.current += 1;
    void fetchPage(null, generation.current);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (inFlight.current || !s.hasNextPage || s.endCursor === null) return;
    void fetchPage(s.endCursor, generation.current);
  }, [fetchPage]);

  return { ...state, loadMore, replaceRow, reload };
}
