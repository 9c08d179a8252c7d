import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, GraphqlCall, renderWithProviders } from '../../../test/render';
import { AssigneesPanel } from './assignees-panel';

const MEMBERS = [
  { __typename: 'Membership', user: { __typename: 'User', id: 'u3', name: 'Victor Viewer' } },
  { __typename: 'Membership', user: { __typename: 'User', id: 'u1', name: 'Ana Analyst' } },
];

function server(call: GraphqlCall) {
  if (call.operationName === 'AssigneeOptions') return { data: { members: MEMBERS } };
  const field = call.operationName === 'AssignCommitment' ? 'assignCommitment' : 'unassignCommitment';
  return { data: { [field]: { __typename: 'Payload', changed: true, commitment: { __typename: 'Commitment', id: 'c1', assignees: [] } } } };
}

describe('AssigneesPanel', () => {
  it('assigns a member picked among those not yet assigned, and unassigns after asking', async () => {
    const user = userEvent.setup();
    const { client, calls } = createTestClient(server);
    const onChanged = vi.fn();
    renderWithProviders(<AssigneesPanel commitmentId="c1" assignees={[{ id: 'u1', name: 'Ana Analyst' }]} canWrite onChanged={onChanged} />, { client });

    const picker = screen.getByRole('combobox', { name: 'Assign a member' });
    await waitFor(() => expect([...picker.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Pick a member', 'Victor Viewer']));
    await user.selectOptions(picker, 'u3');
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(calls.find((c) => c.operationName === 'AssignCommitment')?.variables).toEqual({ input: { commitmentId: 'c1', userId: 'u3' } }));

    await user.click(screen.getByRole('button', { name: 'Unassign' }));
    // The question opens in a dialog (with its transition): wait for it.
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Unassign Ana Analyst?')).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Unassign' });
    await user.click(confirm);
    await waitFor(() => expect(calls.find((c) => c.operationName === 'UnassignCommitment')?.variables).toEqual({ input: { commitmentId: 'c1', userId: 'u1' } }));
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('shows who is assigned, without changing it, to those who may not write', () => {
    const { client, calls } = createTestClient(server);
    renderWithProviders(<AssigneesPanel commitmentId="c1" assignees={[{ id: 'u1', name: 'Ana Analyst' }]} canWrite={false} onChanged={() => undefined} />, { client });
    expect(screen.getByText('Ana Analyst')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Unassign' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(calls).toEqual([]);
  });
});
