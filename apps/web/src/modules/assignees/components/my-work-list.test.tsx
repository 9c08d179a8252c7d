import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyWorkItemFragment } from '../../../gql/graphql';
import MyWorkPage from '../../../pages/my-work-page';
import { ANALYST, createTestClient, renderWithProviders } from '../../../test/render';
import { MyWorkList } from './my-work-list';

const item = (id: string, title: string, dueOn: string | null, status = 'IN_PROGRESS'): MyWorkItemFragment => ({
  id, title, status: status as MyWorkItemFragment['status'], dueOn, overdue: false, priority: 'MEDIUM' as MyWorkItemFragment['priority'],
  agreement: { id: 'a1', title: 'Joint statement' },
});

const titlesIn = (group: string) => within(screen.getByTestId(`my-work-${group}`)).queryAllByRole('link').map((a) => a.textContent);

describe('MyWorkList', () => {
  it('groups assignments as overdue, due within 14 days (today up to 13 days on) and the rest, keeping their order', () => {
    const items = [
      item('c1', 'Late one', '2026-11-30'),
      item('c2', 'Due today', '2026-12-06'),
      item('c3', 'Due in 13 days', '2026-12-19'),
      item('c4', 'Due in 14 days', '2026-12-20'),
      item('c5', 'Fulfilled late', '2026-11-01', 'FULFILLED'),
      item('c6', 'No date', null),
    ];
    renderWithProviders(<MyWorkList items={items} today="2026-12-06" />);
    expect(titlesIn('OVERDUE')).toEqual(['Late one']);
    expect(titlesIn('DUE_SOON')).toEqual(['Due today', 'Due in 13 days']);
    expect(titlesIn('LATER')).toEqual(['Due in 14 days', 'Fulfilled late', 'No date']);
    expect(screen.getByRole('heading', { name: 'Due in the next 14 days' })).toBeInTheDocument();
  });

  it('says so under a group that has nothing', () => {
    renderWithProviders(<MyWorkList items={[item('c6', 'No date', null)]} today="2026-12-06" />);
    expect(within(screen.getByTestId('my-work-OVERDUE')).getByText('Nothing here.')).toBeInTheDocument();
    expect(titlesIn('LATER')).toEqual(['No date']);
  });
});

describe('My work page', () => {
  it("asks for the person's assignments and shows them grouped from their today", async () => {
    const { client, calls } = createTestClient(() => ({
      data: { commitments: { __typename: 'CommitmentConnection', totalCount: 1, edges: [{ __typename: 'CommitmentEdge', node: item('c1', 'Late one', '2000-01-01') }] } },
    }));
    renderWithProviders(<MyWorkPage />, { client, route: '/my-work' });
    await waitFor(() => expect(titlesIn('OVERDUE')).toEqual(['Late one']));
    expect(calls.map((c) => c.operationName)).toEqual(['MyWork']);
  });

  it('asks nothing for an API key, and says why', () => {
    const { client, calls } = createTestClient(() => ({ data: null }));
    renderWithProviders(<MyWorkPage />, { client, me: { ...ANALYST, kind: 'API_KEY', user: null } });
    expect(screen.getByText(/My work is for signed-in people/)).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
