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

    expect(screen.queryByText('Agreement saved.')).toBeNull();
    await user.click(within(conflict).getByRole('button', { name: /Apply my change to the newer version/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByRole('status')).toHaveTextContent('Agreement saved.');
    // Only the analyst's own change, on the newer version: the other's place stays.
    expect(sent()[1].variables.input).toEqual({ id: 'a1', expectedVersion: 4, title: 'Migration talks, December' });
  });
});

describe('AgreementFormDialog: sources of a new agreement', () => {
  const created = { data: { createAgreement: { __typename: 'CreateAgreementPayload', agreement: { __typename: 'Agreement', ...AGREEMENT, id: 'new-a', version: 1, archived: false, updatedAt: '2026-01-01T00:00:00Z', parties: [], participants: [] } } } };
  const added = (id: string) => ({ data: { addEvidence: { __typename: 'AddEvidencePayload', evidence: { __typename: 'Evidence', id, title: 't', url: 'https://x.test' }, commitment: null } } });

  async function fillAgreement(user: ReturnType<typeof userEvent.setup>) {
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Joint statement');
    await user.click(await screen.findByRole('checkbox', { name: 'United States (US)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mexico (MX)' }));
  }
  async function fillSource(user: ReturnType<typeof userEvent.setup>, n: number, url: string, title: string) {
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const source = screen.getByRole('group', { name: `Source ${n}` });
    await user.type(within(source).getByRole('textbox', { name: /Address/ }), url);
    await user.type(within(source).getByRole('textbox', { name: /Title/ }), title);
    return source;
  }

  it('creates the agreement, then adds each source to it in order, and only then reports it saved', async () => {
    let evidence = 0;
    const { sent, user, onSaved, onClose } = setup((call) => (call.operationName === 'CreateAgreement' ? created : added(`e${++evidence}`)));
    await fillAgreement(user);
    await fillSource(user, 1, 'https://www.gob.mx/sre/prensa/1', 'SRE communiqué');
    await fillSource(user, 2, 'https://www.dhs.gov/news/2', 'DHS readout');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('new-a'));
    expect(onClose).toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveTextContent('Agreement created.');
    expect(sent().map((c) => c.operationName)).toEqual(['CreateAgreement', 'AddEvidence', 'AddEvidence']);
    expect(sent()[1].variables.input).toEqual({ agreementId: 'new-a', url: 'https://www.gob.mx/sre/prensa/1', title: 'SRE communiqué', publisher: null, publishedOn: null, kind: 'NEWS', stance: 'SUPPORTS' });
    expect(sent()[2].variables.input).toMatchObject({ agreementId: 'new-a', url: 'https://www.dhs.gov/news/2', title: 'DHS readout' });
  });

  it('checks a source with the API’s address rule before anything is sent; a removed source is not sent', async () => {
    const { sent, user } = setup(() => created);
    await fillAgreement(user);
    const source = await fillSource(user, 1, 'ftp://example.org/file', 'A file');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(source).findByText('Only web addresses starting with http:// or https:// are accepted.')).toBeInTheDocument();
    expect(sent()).toHaveLength(0);

    await user.click(within(source).getByRole('button', { name: 'Remove source 1' }));
    expect(screen.queryByRole('group', { name: 'Source 1' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent().map((c) => c.operationName)).toEqual(['CreateAgreement']));
  });

  it('when the server refuses a source, says the agreement exists, shows the reason beside the field, and saving again adds only that source', async () => {
    let evidence = 0;
    const { sent, user, onSaved, onClose } = setup((call) => {
      if (call.operationName === 'CreateAgreement') return created;
      if (++evidence === 2) {
        return { errors: [{ message: 'input[0].url: the address has no host', extensions: { code: 'BAD_USER_INPUT', field: 'input[0].url', violations: [{ field: 'input[0].url', message: 'input[0].url: the address has no host' }] } }] };
      }
      return added(`e${evidence}`);
    });
    await fillAgreement(user);
    await fillSource(user, 1, 'https://www.gob.mx/sre/prensa/1', 'SRE communiqué');
    await fillSource(user, 2, 'https://refused.example/2', 'A refused source');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The agreement was created, without some of its sources')).toBeInTheDocument();
    // The refused source is now the only one left, with the server's reason beside its address.
    const left = screen.getByRole('group', { name: 'Source 1' });
    expect(within(left).getByRole('textbox', { name: /Address/ })).toHaveValue('https://refused.example/2');
    expect(within(left).getByText('input[0].url: the address has no host')).toBeInTheDocument();
    expect(screen.getAllByRole('textbox', { name: /^Title/ })[0]).toBeDisabled(); // the agreement's own fields: it is saved
    expect(onSaved).not.toHaveBeenCalled();

    const url = within(left).getByRole('textbox', { name: /Address/ });
    await user.clear(url);
    await user.type(url, 'https://www.inm.gob.mx/3');
    await user.click(screen.getByRole('button', { name: 'Add the sources' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('new-a'));
    expect(onClose).toHaveBeenCalled();
    expect(sent().map((c) => c.operationName)).toEqual(['CreateAgreement', 'AddEvidence', 'AddEvidence', 'AddEvidence']);
    expect(sent()[3].variables.input).toMatchObject({ agreementId: 'new-a', url: 'https://www.inm.gob.mx/3', title: 'A refused source' });
  });

  it('leaving after a refused source goes to the agreement, which exists', async () => {
    const { user, onSaved, onClose } = setup((call) =>
      call.operationName === 'CreateAgreement' ? created : { errors: [{ message: 'title: too long', extensions: { code: 'BAD_USER_INPUT', field: 'input[0].title' } }] },
    );
    await fillAgreement(user);
    await fillSource(user, 1, 'https://www.gob.mx/sre/prensa/1', 'SRE communiqué');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Go to the agreement without it' }));
    expect(onSaved).toHaveBeenCalledWith('new-a');
    expect(onClose).toHaveBeenCalled();
  });
});
