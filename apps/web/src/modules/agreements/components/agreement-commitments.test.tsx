import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AgreementQuery } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { AgreementCommitments } from './agreement-commitments';
import { AgreementTimeline, TIMELINE_STEP } from './agreement-timeline';

const STATUSES = ['IN_PROGRESS', 'ANNOUNCED', 'BROKEN', 'IN_PROGRESS', 'STALLED', 'ANNOUNCED', 'FULFILLED', 'IN_PROGRESS', 'ANNOUNCED', 'STALLED', 'ANNOUNCED', 'IN_PROGRESS'];

/** An agreement with twelve commitments, the first two overdue, each with one status change on its own day. */
function agreement(total = STATUSES.length): AgreementQuery['agreement'] {
  return {
    id: 'a1', title: 'Joint statement', kind: 'JOINT_STATEMENT', heldOn: '2024-06-01', signedOn: null, inForceOn: null, place: null, summary: '', version: 1,
    createdAt: '2024-06-01T00:00:00Z', archived: false, updatedAt: '2024-06-01T00:00:00Z', parties: [], participants: [], sources: [],
    commitments: {
      totalCount: total,
      edges: STATUSES.map((status, i) => ({
        node: {
          id: `c${i}`, title: `Commitment ${i}`, status, overdue: i < 2, dueOn: i < 2 ? '2025-01-31' : null, parties: [{ code: 'MX' }],
          statusHistory: { edges: [{ node: { id: `s${i}`, from: 'ANNOUNCED', to: status, note: null, actor: 'Ana', occurredOn: `2024-07-${String(i + 1).padStart(2, '0')}`, createdAt: '2024-08-01T10:00:00Z' } }] },
        },
      })),
    },
  } as unknown as AgreementQuery['agreement'];
}

describe('an agreement’s commitments', () => {
  it('say which are overdue, and sum up by status in lifecycle order with the overdue count', () => {
    renderWithProviders(<AgreementCommitments agreement={agreement()} />);
    const summary = screen.getByRole('group', { name: 'Commitments by status' });
    expect(summary).toHaveTextContent('Announced4In progress4Stalled2Fulfilled1Broken12 overdue');
    expect(within(summary).queryByText(/Counted over/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Commitment 0' }).closest('li')).toHaveTextContent('Overdue · due Jan 31, 2025');
    expect(screen.getByRole('link', { name: 'Commitment 2' }).closest('li')).not.toHaveTextContent('Overdue');
  });

  it('say when the summary counts only the commitments loaded', () => {
    renderWithProviders(<AgreementCommitments agreement={agreement(150)} />);
    expect(screen.getByRole('group', { name: 'Commitments by status' })).toHaveTextContent('Counted over the first 12 commitments.');
  });

  it('show a bounded timeline, newest first, with a way to see more', async () => {
    const user = userEvent.setup();
    renderWithProviders(<AgreementTimeline agreement={agreement()} />);
    // Twelve status changes and the day it was held: thirteen entries, ten shown.
    const items = () => screen.getAllByRole('link', { name: /^Commitment / });
    expect(items()).toHaveLength(TIMELINE_STEP);
    expect(items()[0]).toHaveTextContent('Commitment 11');
    expect(screen.queryByText('Held on')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show 3 more' }));
    expect(items()).toHaveLength(12);
    expect(screen.getByText('Held on')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });
});
