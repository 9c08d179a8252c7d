import { useCallback, useEffect, useRef, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { PAGE_SIZE_MAX } from '@pactwatch/domain';
import type { CommentFieldsFragment, CommentsQuery as CommentsResult } from '../../../gql/graphql';
import { CommentsQuery } from '../graphql/comments.operations';

export type CommentNode = CommentFieldsFragment;

/** A thread longer than this shows its first comments only (the API pages by 100). */
const MAX_COMMENTS = 1_000;

interface ThreadState {
  comments: CommentNode[] | null;
  totalCount: number;
  error: CombinedError | null;
}

/** The discussion of a commitment or agreement, oldest first, read whole; `refresh` reads it again. */
export function useComments(subjectId: string) {
  const client = useClient();
  const [state, setState] = useState<ThreadState>({ comments: null, totalCount: 0, error: null });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const gen = ++generation.current;
    const comments: CommentNode[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const result: { data?: CommentsResult; error?: CombinedError } = await client.query(CommentsQuery, { subjectId, first: PAGE_SIZE_MAX, after }, { requestPolicy: 'network-only' }).toPromise();
      // A newer read started meanwhile: its answer wins.
      if (gen !== generation.current) return;
      if (result.error || !result.data) {
        setState((s) => ({ ...s, error: result.error ?? null }));
        return;
      }
      const page = result.data.comments;
      comments.push(...page.edges.map((e) => e.node));
      totalCount = page.totalCount;
      after = page.pageInfo.endCursor ?? null;
      if (!page.pageInfo.hasNextPage || !after || comments.length >= MAX_COMMENTS) break;
    }
    setState({ comments, totalCount, error: null });
  }, [client, subjectId]);

  useEffect(() => {
    setState({ comments: null, totalCount: 0, error: null });
    void refresh();
  }, [refresh]);

  return { ...state, refresh };
}
