import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import type { CommitmentStatus } from '@pactwatch/domain';
import type { BoardCardFragment, CommitmentFilter, CommitmentOrder } from '../../../gql/graphql';
import { columnFilter, COLUMN_SIZE } from '../board-columns';
import { BoardColumnQuery } from '../graphql/board.query';

export type BoardCard = BoardCardFragment;

/**
 * The first COLUMN_SIZE commitments of one status that match the list's filter, and how many match
 * in all. When `generation` changes (after a move) the column reads again past the cache.
 */
export function useBoardColumn(filter: CommitmentFilter, orderBy: CommitmentOrder | null, status: CommitmentStatus, generation: number) {
  const [{ data, error }, reexecute] = useQuery({
    query: BoardColumnQuery,
    variables: { first: COLUMN_SIZE, filter: columnFilter(filter, status), orderBy },
    requestPolicy: 'cache-and-network',
  });
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reexecute({ requestPolicy: 'network-only' });
  }, [generation, reexecute]);
  const cards: BoardCard[] = data?.commitments.edges.map((e) => e.node) ?? [];
  return { cards, totalCount: data?.commitments.totalCount ?? null, error: error ?? null };
}
