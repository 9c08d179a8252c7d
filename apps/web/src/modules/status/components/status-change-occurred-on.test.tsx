import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { i18n } from '../../../i18n/i18n';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { localToday } from '../../ui/local-today';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = { id: 'c-701', version: 1, status: CommitmentStatus.ANNOUNCED, title: 'Mexico to crack down on human smuggling', dueOn: null, priority: 'HIGH' };

const SAVED = {
  data: {
    changeCommitmentStatus: {
      __typename: 'ChangeCommitmentStatusPayload',
      commitment: { __typename: 'Commitment', id: 'c-701', status: 'IN_PROGRESS', version: 2, overdue: false, updatedAt: '2026-01-01T00:00:00Z' },
      statusChange: { __typename: 'StatusChange', id: 's1', to: 'IN_PROGRESS', note: '', occurredOn: '2024-03-01', createdAt: '2026-01-01T00:00:00Z' },
    },
  },
};

function setup() {
  const { client, calls } = createTestClient(() => SAVED as never);
  const onChanged = vi.fn();
  renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={onChanged} onClose={vi.fn()} />, { client });
  return { calls, onChanged, user: userEvent.setup() };
}

/** The day after `iso`, as YYYY-MM-DD. */
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('StatusChangeDialog: when did it happen?', () => {
  it('starts on today where the analyst is, goes no later, and sends the day with the change', async () => {
    const { calls, onChanged, user } = setup();
    const field = screen.getByLabelText('When did it happen?');
    expect(field).toHaveValue(localToday());
    expect(field).toHaveAttribute('max', localToday());

    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ status: 'IN_PROGRESS', occurredOn: localToday() });
  });

  it('back-fills a past day, said in the app\'s language', async () => {
    const { calls, onChanged, user } = setup();
    const field = screen.getByLabelText('When did it happen?');
    await user.clear(field);
    await user.type(field, '2024-03-01');
    expect(screen.getByText('Happened on Mar 1, 2024')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ status: 'IN_PROGRESS', occurredOn: '2024-03-01' });
  });

  it('refuses a day after today and sends nothing', async () => {
    const { calls, user } = setup();
    const field = screen.getByLabelText('When did it happen?');
    await user.clear(field);
    await user.type(field, dayAfter(localToday()));
    await user.selectOptions(screen.getByRole('combobox', { name: /New status/ }), 'IN_PROGRESS');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('That day has not come yet: pick today or an earlier day.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('is labelled, and says the day, in Spanish', async () => {
    await act(() => i18n.changeLanguage('es'));
    const { user } = setup();
    const field = screen.getByLabelText('¿Cuándo ocurrió?');
    await user.clear(field);
    await user.type(field, '2024-03-01');
    expect(screen.getByText('Ocurrió el 1 mar 2024')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en'));
  });
});
