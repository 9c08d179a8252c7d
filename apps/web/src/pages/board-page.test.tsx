import { Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { ANALYST, createTestClient, type GraphqlCall, LocationProbe, renderWithProviders } from '../test/render';
import { type ActivityFeed, ActivityFeedContext, type ActivityListener, type LiveActivity } from '../modules/live/components/activity-feed-context';
import BoardPage from './board-page';

interface Row {
  id: string;
  title: string;
  status: CommitmentStatus;
  version: number;
}

/** A small server: the board's columns read these rows, a saved status change moves one. */
function server(rows: Row[], { totals = {} }: { totals?: Partial<Record<CommitmentStatus, number>> } = {}) {
  const card = (r: Row) => ({
    __typename: 'Commitment', id: r.id, title: r.title, status: r.status, overdue: r.id === 'c-2', dueOn: '2026-03-01', version: r.version,
    agreement: { __typename: 'Agreement', id: 'a-1', title: 'Joint declaration on migration' },
    assignees: r.id === 'c-1' ? [{ __typename: 'User', id: 'u1', name: 'Ana Analyst' }] : [],
  });
  const find = (id: unknown) => {
    const row = rows.find((x) => x.id === id);
    if (!row) throw new Error(`no commitment ${String(id)}`);
    return row;
  };
  return createTestClient((call: GraphqlCall) => {
    if (call.operationName === 'BoardColumn') {
      const status = (call.variables.filter as { status: CommitmentStatus[] }).status[0];
      const inColumn = rows.filter((r) => r.status === status);
      return { data: { commitments: { __typename: 'CommitmentConnection', totalCount: totals[status] ?? inColumn.length, edges: inColumn.map((r) => ({ __typename: 'CommitmentEdge', node: card(r) })) } } };
    }
    if (call.operationName === 'BoardMove') {
      const r = find(call.variables.id);
      return { data: { commitment: { __typename: 'Commitment', id: r.id, title: r.title, status: r.status, dueOn: null, priority: 'HIGH', version: r.version, evidence: { __typename: 'EvidenceConnection', edges: [] } } } };
    }
    if (call.operationName === 'ChangeCommitmentStatus') {
      const input = call.variables.input as { commitmentId: string; status: CommitmentStatus };
      const r = find(input.commitmentId);
      r.status = input.status;
      r.version += 1;
      return {
        data: {
          changeCommitmentStatus: {
            __typename: 'ChangeCommitmentStatusPayload',
            commitment: { __typename: 'Commitment', id: r.id, status: r.status, version: r.version, overdue: false, updatedAt: '2026-12-07T00:00:00Z' },
            statusChange: { __typename: 'StatusChange', id: 's-1', to: r.status, note: null, occurredOn: '2026-12-07', createdAt: '2026-12-07T00:00:00Z' },
          },
        },
      };
    }
    return { data: null };
  });
}

const ROWS = (): Row[] => [
  { id: 'c-1', title: 'Mexico to deploy border guards', status: CommitmentStatus.ANNOUNCED, version: 3 },
  { id: 'c-2', title: 'US to expand legal pathways', status: CommitmentStatus.IN_PROGRESS, version: 1 },
];

/** The session's feed of changes, driven by the test. */
function fakeFeed() {
  const listeners = new Set<ActivityListener>();
  const feed: ActivityFeed = {
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (activity: Partial<LiveActivity>) => listeners.forEach((l) => l(activity as LiveActivity));
  return { feed, emit };
}

function renderBoard(client: ReturnType<typeof server>['client'], route = '/board', me = ANALYST, feed: ActivityFeed | null = null) {
  return renderWithProviders(
    <ActivityFeedContext.Provider value={feed}>
      <Routes>
        <Route path="/board" element={<BoardPage />} />
        <Route path="*" element={null} />
      </Routes>
      <LocationProbe />
    </ActivityFeedContext.Provider>,
    { client, route, me },
  );
}

const column = (name: RegExp) => screen.getByRole('region', { name });

describe('the board', () => {
  it('shows one column per status in lifecycle order, with counts and the cards of each', async () => {
    const { client, calls } = server(ROWS());
    renderBoard(client);
    await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Announced · 1', 'In progress · 1', 'Stalled · 0', 'Partially fulfilled · 0', 'Fulfilled · 0', 'Broken · 0']);
    const announced = within(column(/^Announced/));
    expect(announced.getByRole('link', { name: 'Mexico to deploy border guards' })).toHaveAttribute('href', '/commitments/c-1');
    expect(announced.getByText('Joint declaration on migration')).toBeVisible();
    expect(announced.getByText('Assigned to Ana Analyst')).toBeVisible();
    expect(within(column(/^In progress/)).getByText(/Overdue/)).toBeVisible();
    // Each column asks the list's query for its own status.
    const statuses = calls.filter((c) => c.operationName === 'BoardColumn').map((c) => (c.variables.filter as { status: string[] }).status);
    expect(statuses).toEqual(expect.arrayContaining([['ANNOUNCED'], ['IN_PROGRESS'], ['BROKEN']]));
  });

  it('keeps the list\'s filter: only the statuses asked for, the other filters sent along, and the switch back to the list keeps it all', async () => {
    const { client, calls } = server(ROWS(), { totals: { ANNOUNCED: 75 } });
    renderBoard(client, '/board?status=BROKEN,ANNOUNCED&party=MX');
    await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Announced · 75', 'Broken · 0']);
    expect(calls.find((c) => c.operationName === 'BoardColumn')?.variables.filter).toMatchObject({ partyCodes: ['MX'] });
    // More than a column shows: how many, and a link to them in the list.
    expect(within(column(/^Announced/)).getByRole('link', { name: '74 more in the list' })).toHaveAttribute('href', '/commitments?status=ANNOUNCED&party=MX');
    const views = screen.getByRole('navigation', { name: 'View' });
    expect(within(views).getByRole('link', { name: 'Board' })).toHaveAttribute('aria-current', 'page');
    expect(within(views).getByRole('link', { name: 'List' })).toHaveAttribute('href', '/commitments?status=BROKEN,ANNOUNCED&party=MX');
  });

  it('offers every other status as a move, and no move to the status a card already has', async () => {
    const user = userEvent.setup();
    const { client } = server(ROWS());
    renderBoard(client);
    await user.click(within(await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' })).getByRole('button', { name: 'Move to…' }));
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items).toEqual(['In progress', 'Stalled', 'Partially fulfilled', 'Fulfilled', 'Broken']);
  });

  it('opens the status dialog on the chosen status and changes nothing when it is cancelled', async () => {
    const user = userEvent.setup();
    const { client, calls } = server(ROWS());
    renderBoard(client);
    const move = within(await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' })).getByRole('button', { name: 'Move to…' });
    await user.click(move);
    await user.click(await screen.findByRole('menuitem', { name: 'Fulfilled' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: /New status/ })).toHaveValue('FULFILLED');
    // The dialog's own rules: a move to FULFILLED needs a note and a source.
    await user.click(within(dialog).getByRole('button', { name: 'Save status' }));
    expect(await within(dialog).findByText('A move to Fulfilled needs a note explaining it.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.some((c) => c.operationName === 'ChangeCommitmentStatus')).toBe(false);
    expect(within(column(/^Announced/)).getByRole('listitem', { name: 'Mexico to deploy border guards' })).toBeVisible();
    await waitFor(() => expect(document.activeElement).toBe(move));
  });

  it('moves a card with the keyboard alone, through the dialog, and the card is then in its new column', async () => {
    const user = userEvent.setup();
    const { client, calls } = server(ROWS());
    renderBoard(client);
    const move = within(await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' })).getByRole('button', { name: 'Move to…' });
    move.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menuitem', { name: 'Stalled' });
    // The first item is In progress; the next is Stalled.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: /New status/ })).toHaveValue('STALLED');
    // STALLED asks for a reason: the dialog says so, and nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Save status' }));
    expect(await within(dialog).findByText('A move to Stalled needs a reason.')).toBeVisible();
    expect(calls.some((c) => c.operationName === 'ChangeCommitmentStatus')).toBe(false);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Reason/ }), 'NO_FUNDING');
    await user.click(within(dialog).getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.operationName === 'ChangeCommitmentStatus')?.variables.input).toMatchObject({ commitmentId: 'c-1', expectedVersion: 3, status: 'STALLED', reasonCode: 'NO_FUNDING' });
    const moved = await within(column(/^Stalled/)).findByRole('listitem', { name: 'Mexico to deploy border guards' });
    expect(within(column(/^Announced/)).queryByRole('listitem', { name: 'Mexico to deploy border guards' })).toBeNull();
    // Focus follows the card to its new column.
    await waitFor(() => expect(document.activeElement).toBe(within(moved).getByRole('button', { name: 'Move to…' })));
  });

  it('offers no move to a reader who may not write', async () => {
    const { client } = server(ROWS());
    renderBoard(client, '/board', { ...ANALYST, role: 'VIEWER', permissions: ['READ'] });
    expect(await screen.findByRole('listitem', { name: 'Mexico to deploy border guards' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Move to…' })).toBeNull();
  });

  it('reads its columns again when someone else changes a commitment', async () => {
    const rows = ROWS();
    const { client } = server(rows);
    const { feed, emit } = fakeFeed();
    renderBoard(client, '/board', ANALYST, feed);
    await within(await screen.findByRole('region', { name: /^In progress/ })).findByRole('listitem', { name: 'US to expand legal pathways' });
    rows[1].status = CommitmentStatus.FULFILLED;
    emit({ id: '900', verb: 'commitment.status_changed', subjectType: 'Commitment', subjectId: 'c-2' });
    await within(column(/^Fulfilled/)).findByRole('listitem', { name: 'US to expand legal pathways' });
    expect(within(column(/^In progress/)).queryByRole('listitem', { name: 'US to expand legal pathways' })).toBeNull();
  });
});
