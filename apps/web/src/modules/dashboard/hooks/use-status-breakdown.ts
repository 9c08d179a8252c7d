import { useEffect, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { CommitmentStatus } from '@pactwatch/domain';
import { StatusCountsQuery } from '../graphql/dashboard.queries';

export interface BreakdownGroup {
  key: string;
  label: string;
  partyCodes?: string[];
  themes?: string[];
}

export type StatusCounts = Record<CommitmentStatus, number>;

export interface BreakdownRow {
  group: BreakdownGroup;
  counts: StatusCounts;
}

/** Counts by status for each party or theme: one small request per group, all at once; again when `revision` changes. */
export function useStatusBreakdown(groups: BreakdownGroup[], revision = 0) {
  const client = useClient();
  const [state, setState] = useState<{ rows: BreakdownRow[] | null; error: CombinedError | null }>({ rows: null, error: null });
  const signature = JSON.stringify(groups);

  useEffect(() => {
    let live = true;
    const parsed: BreakdownGroup[] = JSON.parse(signature);
    Promise.all(
      parsed.map(async (group) => {
        const result = await client
          .query(StatusCountsQuery, { partyCodes: group.partyCodes ?? null, themes: group.themes ?? null }, { requestPolicy: 'network-only' })
          .toPromise();
        if (result.error || !result.data) throw result.error;
        const d = result.data;
        const counts: StatusCounts = {
          ANNOUNCED: d.announced.totalCount,
          IN_PROGRESS: d.inProgress.totalCount,
          STALLED: d.stalled.totalCount,
          PARTIALLY_FULFILLED: d.partiallyFulfilled.totalCount,
          FULFILLED: d.fulfilled.totalCount,
          BROKEN: d.broken.totalCount,
        };
        return { group, counts };
      }),
    ).then(
      (rows) => live && setState({ rows, error: null }),
      (error: CombinedError) => live && setState({ rows: null, error }),
    );
    return () => {
      live = false;
    };
  }, [client, signature, revision]);

  return state;
}
