import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = { id: 'c-701', version: 1, status: CommitmentStatus.ANNOUNCED, title: 'Mexico to crack down on human smuggling', dueOn: null, priority: 'HIGH' };

const CONFLICT = {
  data: null,
  errors: [
    {
      message: 'Commitment c-701 was changed by someone else: it is at version 2, not 1.',
      extensions: {
        code: 'CONFLICT',
        field: 'expectedVersion',
        currentVersion: 2,
        current: { status: 'STALLED', title: 'Mexico to crack down on human smuggling', dueOn: '2024-06-30', priority: 'HIGH', updatedAt: '2026-01-01T00:00:00Z' },
      },
    },
  ],
};

const SAVED = {
  data: {
    changeCommitmentStatus: {
      __typename: 'ChangeCommitmentStatusPayload',
      commitment: { __typename: 'Commitment', id: 'c-701', status: 'IN_PROGRESS', version: 3, overdue: false, updatedAt: '2026-01-01T00:00:00Z' },
      statusChange: { __typename: 'StatusChange', id: 's2', to: 'IN_PROGRESS', note: 'n', createdAt: '2026-01-01T00:00:00Z' },
    },
  },
};

describe('the conflict view', () => {
  it('shows the newer version and what changed, keeps the change, and re-applies it on the newer version', async () => {
    let answers = 0;
    const { client, calls } = createTestClient(() => (answers++ === 0 ? CONFLICT : SAVED) as never);
    const onChanged = vi.fn();
    const onClose = vi.fn();
    renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={onChanged} onClose={onClose} />, { client });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'INM operations under way');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    const view = await screen.findByTestId('conflict-view');
    expect(within(view).getByText('Someone else changed this commitment')).toBeInTheDocument();
    expect(within(view).getByText(/You opened version 1; it is now at version 2/)).toBeInTheDocument();
    const status = within(view).getByRole('row', { name: /Status/ });
    expect(within(status).getByText('Announced')).toBeInTheDocument();
    expect(within(status).getByText('Stalled')).toBeInTheDocument();
    expect(within(view).getByRole('row', { name: /Due/ })).toHaveTextContent('Jun 30, 2024');
    // Nothing typed is lost.
    expect(within(view).getByText('INM operations under way')).toBeInTheDocument();
    expect(within(view).getByText('In progress')).toBeInTheDocument();
    // The page behind is told to reload the newer version.
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();

    await user.click(within(view).getByRole('button', { name: 'Apply my change to the newer version' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toHaveLength(2);
    expect(calls[1].variables.input).toMatchObject({ expectedVersion: 2, status: 'IN_PROGRESS', note: 'INM operations under way' });
  });

  it('lets the analyst review the change against the newer status before saving', async () => {
    const { client } = createTestClient(() => CONFLICT as never);
    renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={() => undefined} onClose={() => undefined} />, { client });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    await user.click(await screen.findByRole('button', { name: 'Review my change' }));

    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveValue('Keep me');
    expect(screen.getByRole('combobox', { name: /New status/ })).toHaveValue('IN_PROGRESS');
    // The form now starts from the newer status.
    expect(screen.getByText('Current status:').nextElementSibling).toHaveTextContent('Stalled');
  });

  it('keeps what is typed when the page behind updates live, and says the commitment changed meanwhile', async () => {
    const { client, calls } = createTestClient(() => ({ data: null }));
    const props = { existingEvidence: [], onChanged: () => undefined, onClose: () => undefined };
    const { rerender } = renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} {...props} />, { client });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Half typed');
    expect(screen.queryByTestId('changed-meanwhile')).not.toBeInTheDocument();

    // Someone else's change arrives by subscription while the dialog is open.
    rerender(<StatusChangeDialog commitment={{ ...COMMITMENT, version: 2, status: CommitmentStatus.STALLED }} {...props} />);
    expect(await screen.findByTestId('changed-meanwhile')).toHaveTextContent('Someone else changed this commitment while you were editing (now version 2)');
    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveValue('Half typed');
    expect(screen.getByRole('combobox', { name: /New status/ })).toHaveValue('IN_PROGRESS');
    // The form stays on the version it was opened on: saving is what shows the conflict.
    expect(screen.getByText('Current status:').nextElementSibling).toHaveTextContent('Announced');
    expect(calls).toHaveLength(0);
  });
});
