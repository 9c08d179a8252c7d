import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../ui/use-phone';
import { CommitmentStatus } from '@pactwatch/domain';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { StatusChangeDialog } from './status-change-dialog';

const COMMITMENT = {
  id: 'c-701',
  version: 1,
  status: CommitmentStatus.ANNOUNCED,
  title: 'Mexico to crack down on human smuggling',
  dueOn: null,
  priority: 'HIGH',
};

const SAVED = {
  data: {
    changeCommitmentStatus: {
      __typename: 'ChangeCommitmentStatusPayload',
      commitment: { __typename: 'Commitment', id: 'c-701', status: 'IN_PROGRESS', version: 2, overdue: false, updatedAt: '2026-01-01T00:00:00Z' },
      statusChange: { __typename: 'StatusChange', id: 's1', to: 'IN_PROGRESS', note: 'n', createdAt: '2026-01-01T00:00:00Z' },
    },
  },
};

function setup(answer = () => SAVED as never) {
  const { client, calls } = createTestClient(answer);
  const onChanged = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<StatusChangeDialog commitment={COMMITMENT} existingEvidence={[]} onChanged={onChanged} onClose={onClose} />, { client });
  return { calls, onChanged, onClose, user: userEvent.setup() };
}

const newStatus = () => screen.getByRole('combobox', { name: /New status/ });

describe('StatusChangeDialog', () => {
  it('refuses FULFILLED without evidence, says why, and sends nothing', async () => {
    const { calls, user } = setup();
    await user.selectOptions(newStatus(), 'FULFILLED');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'Arrests reported by INM');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('A move to Fulfilled needs at least one source: tick one above or add a link.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    expect(screen.queryByText(/Status changed/)).toBeNull();
  });

  it('asks for a reason before STALLED, then sends it', async () => {
    const { calls, user, onChanged } = setup();
    await user.selectOptions(newStatus(), 'STALLED');
    await user.click(screen.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByText('A move to Stalled needs a reason.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.selectOptions(screen.getByRole('combobox', { name: /Reason/ }), 'NO_FUNDING');
    expect(screen.queryByText('A move to Stalled needs a reason.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].variables.input).toMatchObject({ commitmentId: 'c-701', expectedVersion: 1, status: 'STALLED', reasonCode: 'NO_FUNDING' });
  });

  it('refuses a javascript: address for an inline source', async () => {
    const { calls, user } = setup();
    await user.selectOptions(newStatus(), 'IN_PROGRESS');
    await user.click(screen.getByRole('button', { name: 'Add a source link' }));
    await user.type(screen.getByRole('textbox', { name: /Address \(URL\)/ }), 'javascript:alert(1)');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'A trick');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('Only web addresses starting with http:// or https:// are accepted.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Address \(URL\)/ })).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('sends a move to IN_PROGRESS with a note and a new source added inline', async () => {
    const { calls, user, onChanged, onClose } = setup();
    await user.selectOptions(newStatus(), 'IN_PROGRESS');
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'INM operations under way');
    await user.click(screen.getByRole('button', { name: 'Add a source link' }));
    await user.type(screen.getByRole('textbox', { name: /Address \(URL\)/ }), 'https://example.org/inm');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), 'INM operations report');
    await user.click(screen.getByRole('button', { name: 'Save status' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onChanged).toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveTextContent('Status changed to In progress.');
    expect(calls[0].variables.input).toMatchObject({
      status: 'IN_PROGRESS',
      note: 'INM operations under way',
      reasonCode: null,
      newEvidence: [{ url: 'https://example.org/inm', title: 'INM operations report', kind: 'NEWS', stance: 'SUPPORTS' }],
    });
  });
});

describe('StatusChangeDialog on a phone', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fills the screen on a phone', async () => {
    const phoneOnly = (query: string) =>
      ({ matches: query === PHONE_QUERY, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList;
    vi.spyOn(window, 'matchMedia').mockImplementation(phoneOnly);
    setup();
    expect(await screen.findByRole('dialog')).toHaveAttribute('data-full-screen', 'true');
  });

  it('is a centred dialog on a wider screen', async () => {
    setup();
    expect(await screen.findByRole('dialog')).not.toHaveAttribute('data-full-screen');
  });
});
