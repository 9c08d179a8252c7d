import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AgreementKind } from '@pactwatch/domain';
import { createTestClient, GraphqlAnswer, GraphqlCall, renderWithProviders } from '../../../test/render';
import { AgreementFormDialog } from './agreement-form-dialog';

const OPTIONS = {
  data: {
    parties: [
      { __typename: 'Party', id: 'p1', code: 'US', name: 'United States' },
      { __typename: 'Party', id: 'p2', code: 'MX', name: 'Mexico' },
    ],
    people: [],
  },
};
const AGREEMENT = {
  id: 'a1', version: 3, title: 'Migration talks', kind: AgreementKind.MEETING, partyCodes: ['US', 'MX'],
  heldOn: '2023-12-27', signedOn: '', inForceOn: '', place: 'Mexico City', participantIds: [], summary: '',
};
const saved = (title: string, version: number) => ({
  data: { updateAgreement: { __typename: 'UpdateAgreementPayload', agreement: { __typename: 'Agreement', ...AGREEMENT, title, version, archived: false, updatedAt: '2026-01-01T00:00:00Z', parties: [], participants: [] } } },
});

function setup(answer: (call: GraphqlCall) => GraphqlAnswer, agreement?: typeof AGREEMENT) {
  const { client, calls } = createTestClient((call) => (call.operationName === 'AgreementFormOptions' ? OPTIONS : answer(call)));
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<AgreementFormDialog agreement={agreement} onSaved={onSaved} onClose={onClose} />, { client });
  const sent = () => calls.filter((c) => c.operationName !== 'AgreementFormOptions');
  return { sent, onSaved, onClose, user: userEvent.setup() };
}

describe('AgreementFormDialog', () => {
  it('applies the API’s rules before sending: a title and two parties', async () => {
    const { sent, user } = setup(() => ({ data: null }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(screen.getByText('Tick at least two parties.')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /Title/ }));
    await user.paste('x'.repeat(301));
    expect(screen.getByText('At most 300 characters.')).toBeInTheDocument();
    expect(sent()).toHaveLength(0);
  });

  it('shows the server’s refusal beside the field it names', async () => {
    const { sent, user } = setup(() => ({
      errors: [{ message: 'partyCodes: unknown party MX', extensions: { code: 'BAD_USER_INPUT', field: 'partyCodes', violations: [{ field: 'partyCodes', message: 'partyCodes: unknown party MX' }] } }],
    }));
    await user.type(await screen.findByRole('textbox', { name: /Title/ }), 'Joint statement');
    await user.click(await screen.findByRole('checkbox', { name: 'United States (US)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mexico (MX)' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('partyCodes: unknown party MX')).toBeInTheDocument();
    expect(sent()[0].variables.input).toMatchObject({ title: 'Joint statement', partyCodes: ['US', 'MX'], kind: 'MEETING' });
  });

  it('on CONFLICT shows what changed meanwhile, keeps what was typed, and re-applies it on the newer version', async () => {
    let attempt = 0;
    const { sent, user, onSaved, onClose } = setup(() =>
      ++attempt === 1
        ? { errors: [{ message: 'stale', extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 4, current: { title: 'Migration talks', place: 'Washington' } } }] }
        : saved('Migration talks, December', 5),
    AGREEMENT);
    const title = screen.getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'Migration talks, December');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict-view');
    const changedRow = within(conflict).getByRole('row', { name: /Place/ });
    expect(changedRow).toHaveTextContent('Mexico City');
    expect(changedRow).toHaveTextContent('Washington');
    expect(within(conflict).getByText('Migration talks, December')).toBeInTheDocument();
    expect(onSaved).toHaveBeenCalledWith('a1'); // the page reloads the newer version

    await user.click(within(conflict).getByRole('button', { name: /Apply my change to the newer version/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // Only the analyst's own change, on the newer version: the other's place stays.
    expect(sent()[1].variables.input).toEqual({ id: 'a1', expectedVersion: 4, title: 'Migration talks, December' });
  });
});
