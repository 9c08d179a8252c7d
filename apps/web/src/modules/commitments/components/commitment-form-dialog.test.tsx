import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CommitmentPriority } from '@pactwatch/domain';
import { createTestClient, GraphqlAnswer, GraphqlCall, renderWithProviders } from '../../../test/render';
import { CommitmentFormDialog } from './commitment-form-dialog';

const OPTIONS = {
  data: {
    agreements: {
      __typename: 'AgreementConnection',
      edges: [{ __typename: 'AgreementEdge', node: { __typename: 'Agreement', id: 'a1', title: 'Migration talks', parties: [{ __typename: 'Party', code: 'US', name: 'United States' }, { __typename: 'Party', code: 'MX', name: 'Mexico' }] } }],
    },
    organizations: [{ __typename: 'Organization', id: 'o1', acronym: 'INM', name: 'Instituto Nacional de Migración' }],
    people: [],
    themes: [{ __typename: 'Theme', id: 't1', slug: 'anti-smuggling', name: 'Anti-smuggling' }],
  },
};
const COMMITMENT = {
  id: 'c1', version: 2, agreementId: 'a1', title: 'Mexico to crack down on smuggling', description: '', sourceQuote: '', partyCodes: ['MX'],
  ownerOrganizationId: '', ownerPersonId: '', themes: [], dueOn: '', priority: CommitmentPriority.HIGH,
};

function setup(answer: (call: GraphqlCall) => GraphqlAnswer, commitment?: typeof COMMITMENT) {
  const { client, calls } = createTestClient((call) => (call.operationName === 'CommitmentFormOptions' ? OPTIONS : answer(call)));
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<CommitmentFormDialog commitment={commitment} agreementId="a1" onSaved={onSaved} onClose={onClose} />, { client });
  const sent = () => calls.filter((c) => c.operationName !== 'CommitmentFormOptions');
  return { sent, onSaved, onClose, user: userEvent.setup() };
}

describe('CommitmentFormDialog', () => {
  it('applies the API’s rules before sending: a title and a committing party', async () => {
    const { sent, user } = setup(() => ({ data: null }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(screen.getByText('Tick at least one party.')).toBeInTheDocument();
    expect(sent()).toHaveLength(0);
  });

  it('sends a new commitment and shows the server’s refusal beside the field it names', async () => {
    const { sent, user } = setup(() => ({
      errors: [{ message: 'Person x was not found', extensions: { code: 'NOT_FOUND', field: 'ownerOrganizationId' } }],
    }));
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Mexico to deport smugglers');
    await user.click(await screen.findByRole('checkbox', { name: 'Mexico (MX)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Anti-smuggling' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner organization' }), 'o1');
    await user.type(screen.getByRole('textbox', { name: /Source quote/ }), 'Mexico will crack down');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Person x was not found')).toBeInTheDocument();
    expect(screen.queryByText('Commitment created.')).toBeNull();
    expect(sent()[0].variables.input).toMatchObject({
      agreementId: 'a1', title: 'Mexico to deport smugglers', partyCodes: ['MX'], themes: ['anti-smuggling'], ownerOrganizationId: 'o1', sourceQuote: 'Mexico will crack down', priority: 'MEDIUM',
    });
  });

  it('on CONFLICT shows what changed meanwhile, keeps what was typed, and re-applies it on the newer version', async () => {
    let attempt = 0;
    const { sent, user, onClose } = setup(
      () =>
        ++attempt === 1
          ? { errors: [{ message: 'stale', extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 3, current: { title: COMMITMENT.title, priority: 'LOW', dueOn: null } } }] }
          : { data: { updateCommitment: { __typename: 'UpdateCommitmentPayload', commitment: { __typename: 'Commitment', id: 'c1', version: 4, title: COMMITMENT.title, description: 'Arrests began', sourceQuote: '', dueOn: null, priority: 'LOW', updatedAt: '2026-01-01T00:00:00Z' } } } },
      COMMITMENT,
    );
    await user.type(screen.getByRole('textbox', { name: /Description/ }), 'Arrests began');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('conflict-view');
    const row = within(conflict).getByRole('row', { name: /Priority/ });
    expect(row).toHaveTextContent('High');
    expect(row).toHaveTextContent('Low');
    expect(within(conflict).getByText('Arrests began')).toBeInTheDocument();
    expect(screen.queryByText('Commitment saved.')).toBeNull();
    await user.click(within(conflict).getByRole('button', { name: /Apply my change to the newer version/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByRole('status')).toHaveTextContent('Commitment saved.');
    expect(sent()[1].variables.input).toEqual({ id: 'c1', expectedVersion: 3, description: 'Arrests began' });
  });
});
