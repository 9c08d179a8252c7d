import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { createTestClient, renderWithProviders } from '../../../test/render';
import type { ExistingSource } from '../status-change-form';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = {
  id: 'c-701',
  version: 1,
  status: CommitmentStatus.IN_PROGRESS,
  title: 'Mexico to crack down on human smuggling',
  dueOn: null,
  priority: 'HIGH',
};

const SOURCES: ExistingSource[] = [
  { id: 'e-up', title: 'Smuggling up 40% (UNODC)', stance: 'CONTRADICTS' },
  { id: 'e-inm', title: 'INM operations report', stance: 'SUPPORTS' },
];

const SAVED = {
  data: {
    changeCommitmentStatus: {
      __typename: 'ChangeCommitmentStatusPayload',
      commitment: { __typename: 'Commitment', id: 'c-701', status: 'FULFILLED', version: 2, overdue: false, updatedAt: '2026-01-01T00:00:00Z' },
      statusChange: { __typename: 'StatusChange', id: 's1', to: 'FULFILLED', note: 'n', createdAt: '2026-01-01T00:00:00Z' },
    },
  },
};

function setup() {
  const { client, calls } = createTestClient(() => SAVED as never);
  const onChanged = vi.fn();
  renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={SOURCES} onChanged={onChanged} onClose={vi.fn()} />, { client });
  return { calls, onChanged, user: userEvent.setup() };
}

const newStatus = () => screen.getByRole('combobox', { name: /New status/ });
const SUPPORTS_RULE = 'A move to Fulfilled needs at least one source that supports it (stance “Supports”).';

describe('the status dialog and evidence that matches the verdict', () => {
  it('says which stance a settling move needs as soon as the status is chosen, and shows each source’s stance', async () => {
    const { user } = setup();
    expect(screen.queryByTestId('evidence-rule')).not.toBeInTheDocument();
    await user.selectOptions(newStatus(), 'FULFILLED');
    expect(screen.getByTestId('evidence-rule')).toHaveTextContent(SUPPORTS_RULE);
    expect(screen.getByRole('group', { name: /Evidence/ })).toHaveAccessibleDescription(SUPPORTS_RULE);
    expect(screen.getByRole('checkbox', { name: 'Smuggling up 40% (UNODC)' })).toHaveAccessibleDescription('Contradicts');

    await user.selectOptions(newStatus(), 'BROKEN');
    expect(screen.getByTestId('evidence-rule')).toHaveTextContent(
      'A move to Broken needs at least one source that does not support the commitment (stance “Contradicts” or “Context”).',
    );
    await user.selectOptions(newStatus(), 'STALLED');
    expect(screen.queryByTestId('evidence-rule')).not.toBeInTheDocument();
  });

  it('refuses FULFILLED cited only on a contradicting source, sends nothing, then sends it once a supporting one is ticked', async () => {
    const { calls, user, onChanged } = setup();
    await user.selectOptions(newStatus(), 'FULFILLED');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Networks dismantled');
    await user.click(screen.getByRole('checkbox', { name: 'Smuggling up 40% (UNODC)' }));
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('A move to Fulfilled needs at least one source whose stance is “Supports”; the sources chosen only contradict it or give context.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'INM operations report' }));
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ status: 'FULFILLED', evidenceIds: ['e-up', 'e-inm'] });
  });

  it('refuses BROKEN whose new source keeps the default stance “Supports”, then sends it with “Contradicts”', async () => {
    const { calls, user, onChanged } = setup();
    await user.selectOptions(newStatus(), 'BROKEN');
    await user.selectOptions(screen.getByRole('combobox', { name: /Reason/ }), 'NO_FUNDING');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Programme cancelled');
    await user.click(screen.getByRole('button', { name: 'Add a source link' }));
    await user.type(screen.getByRole('textbox', { name: /Address \(URL\)/ }), 'https://example.org/cancelled');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'Programme cancelled');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('A move to Broken needs at least one source whose stance is “Contradicts” or “Context”; every source chosen supports the commitment.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.selectOptions(screen.getByRole('combobox', { name: /Stance/ }), 'CONTRADICTS');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ status: 'BROKEN', newEvidence: [{ url: 'https://example.org/cancelled', stance: 'CONTRADICTS' }] });
  });
});
