import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommitmentQuery } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { localToday } from '../../ui/local-today';
import { CommitmentTimeline } from './commitment-timeline';

const change = (id: string, from: string | null, to: string, note: string, occurredOn: string, createdAt: string) => ({
  node: { id, from, to, note, reasonCode: null, actor: 'Ana Analyst', occurredOn, createdAt, commitmentVersion: 1, evidence: [] },
});

describe('CommitmentTimeline', () => {
  it('puts a back-filled change at the day it happened, and says when it was recorded', () => {
    // Noon where the test runs, so every recorded time below falls on the same local day.
    const now = new Date();
    now.setHours(12, 0, 0, 0);
    const today = localToday(now);
    const recorded = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    const commitment = {
      statusHistory: {
        edges: [
          change('s3', 'ANNOUNCED', 'STALLED', 'Funding held up', '2024-03-01', recorded(1)),
          change('s2', 'ANNOUNCED', 'IN_PROGRESS', 'Shelters opened', today, recorded(2)),
          change('s1', null, 'ANNOUNCED', 'Recorded', today, recorded(3)),
        ],
      },
      evidence: { edges: [] },
    } as unknown as CommitmentQuery['commitment'];
    renderWithProviders(<CommitmentTimeline commitment={commitment} />);

    const notes = within(screen.getByTestId('timeline'))
      .getAllByText(/Funding held up|Shelters opened|Recorded$/)
      .map((n) => n.textContent);
    expect(notes).toEqual(['Shelters opened', 'Funding held up', 'Recorded']);
    expect(screen.getByText(/Ana Analyst · Mar 1, 2024 · recorded /)).toBeInTheDocument();
    expect(screen.getAllByText(/recorded /)).toHaveLength(1);
  });
});
