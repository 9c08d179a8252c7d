import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, GraphqlAnswer, GraphqlCall, renderWithProviders } from '../../../test/render';
import { AgreementSources, AgreementSourcesProps } from './agreement-sources';

const SOURCE = {
  id: 'e1', version: 2, title: 'SRE communiqué', url: 'https://www.gob.mx/sre/prensa/1', publisher: 'SRE', publishedOn: null,
  kind: 'OFFICIAL_STATEMENT', stance: 'SUPPORTS', addedBy: 'Ana Analyst',
};
const updated = { data: { updateEvidence: { __typename: 'UpdateEvidencePayload', evidence: { __typename: 'Evidence', ...SOURCE, version: 3 } } } };

function setup(answer: (call: GraphqlCall) => GraphqlAnswer, props: Partial<AgreementSourcesProps> = {}) {
  const { client, calls } = createTestClient(answer);
  const onChanged = vi.fn();
  const all: AgreementSourcesProps = { agreementId: 'a1', sources: [SOURCE], canWrite: true, onChanged, ...props };
  const view = renderWithProviders(<AgreementSources {...all} />, { client });
  return { calls, onChanged, user: userEvent.setup(), rerender: (next: Partial<AgreementSourcesProps>) => view.rerender(<AgreementSources {...all} {...next} />) };
}

describe('AgreementSources', () => {
  it('lists the sources; a viewer gets no way to change them', () => {
    setup(() => ({ data: null }), { canWrite: false });
    expect(screen.getByRole('heading', { name: 'Sources (1)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SRE communiqué' })).toHaveAttribute('href', 'https://www.gob.mx/sre/prensa/1');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('adds a source to the agreement, with the server’s refusal beside the field it names', async () => {
    let attempt = 0;
    const { calls, user, onChanged } = setup(() =>
      ++attempt === 1
        ? { errors: [{ message: 'input[0].url: the address has no host', extensions: { code: 'BAD_USER_INPUT', field: 'input[0].url' } }] }
        : { data: { addEvidence: { __typename: 'AddEvidencePayload', evidence: { __typename: 'Evidence', id: 'e2', title: 'DHS readout', url: 'https://www.dhs.gov/2' }, commitment: null } } },
    );
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const form = screen.getByRole('form', { name: 'Add evidence' });
    await user.type(within(form).getByRole('textbox', { name: /Address/ }), 'https://refused.example/');
    await user.type(within(form).getByRole('textbox', { name: /Title/ }), 'DHS readout');
    await user.click(within(form).getByRole('button', { name: 'Add source' }));
    expect(await within(form).findByText('input[0].url: the address has no host')).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();

    const url = within(form).getByRole('textbox', { name: /Address/ });
    await user.clear(url);
    await user.type(url, 'https://www.dhs.gov/2');
    await user.click(within(form).getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[1].variables.input).toMatchObject({ agreementId: 'a1', url: 'https://www.dhs.gov/2', title: 'DHS readout' });
    expect(calls[1].variables.input).not.toHaveProperty('commitmentId');
  });

  it('takes a source off the agreement, and archives one at the version read', async () => {
    const { calls, user, onChanged } = setup((call) =>
      call.operationName === 'DetachEvidence'
        ? { data: { detachEvidence: { __typename: 'DetachEvidencePayload', evidence: { __typename: 'Evidence', id: 'e1' }, commitment: null, agreement: { __typename: 'Agreement', id: 'a1' } } } }
        : { data: { archiveEvidence: { __typename: 'ArchiveEvidencePayload', evidence: { __typename: 'Evidence', id: 'e1', version: 3, archived: true } } } },
    );
    await user.click(screen.getByRole('button', { name: 'Remove from this agreement' }));
    const ask = await screen.findByRole('dialog', { name: 'Remove from this agreement' });
    expect(ask).toHaveTextContent('Take “SRE communiqué” off this agreement?');
    await user.click(within(ask).getByRole('button', { name: 'Remove from this agreement' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(calls[0]).toMatchObject({ operationName: 'DetachEvidence', variables: { input: { agreementId: 'a1', evidenceId: 'e1' } } });

    await user.click(screen.getByRole('button', { name: 'Archive source' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Archive source' })).getByRole('button', { name: 'Archive source' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(calls[1]).toMatchObject({ operationName: 'ArchiveEvidence', variables: { input: { id: 'e1', expectedVersion: 2 } } });
  });

  it('a stale archive is shown as refused, and the page reloads', async () => {
    const { user, onChanged } = setup(() => ({ errors: [{ message: 'Evidence e1 was changed by someone else', extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 3 } }] }));
    await user.click(screen.getByRole('button', { name: 'Archive source' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Archive source' })).getByRole('button', { name: 'Archive source' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
  });

  it('corrects a source sending only what changed, at the version read', async () => {
    const { calls, user, onChanged } = setup(() => updated);
    await user.click(screen.getByRole('button', { name: 'Edit “SRE communiqué”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correct “SRE communiqué”' });
    const title = within(dialog).getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'SRE communiqué 001/24');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(await screen.findByRole('status')).toHaveTextContent('Source saved.');
    expect(calls[0].variables.input).toEqual({ id: 'e1', expectedVersion: 2, title: 'SRE communiqué 001/24' });
  });

  it('on CONFLICT shows what changed meanwhile once the page reloads, keeps what was typed, and re-applies it on the newer version', async () => {
    let attempt = 0;
    const { calls, user, onChanged, rerender } = setup(() =>
      ++attempt === 1 ? { errors: [{ message: 'stale', extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 3 } }] } : updated,
    );
    await user.click(screen.getByRole('button', { name: 'Edit “SRE communiqué”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correct “SRE communiqué”' });
    const title = within(dialog).getByRole('textbox', { name: /Title/ });
    await user.clear(title);
    await user.type(title, 'SRE communiqué 001/24');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled()); // the page reloads…
    rerender({ sources: [{ ...SOURCE, version: 3, publisher: 'Secretaría de Relaciones Exteriores' }] }); // …and has the newer version

    const conflict = await screen.findByTestId('conflict-view');
    const changedRow = within(conflict).getByRole('row', { name: /Publisher/ });
    expect(changedRow).toHaveTextContent('SRE');
    expect(changedRow).toHaveTextContent('Secretaría de Relaciones Exteriores');
    expect(within(conflict).getByText('SRE communiqué 001/24')).toBeInTheDocument();

    await user.click(within(conflict).getByRole('button', { name: /Apply my change to the newer version/ }));
    await waitFor(() => expect(calls).toHaveLength(2));
    // Only the analyst's own change, on the newer version: the other's publisher stays.
    expect(calls[1].variables.input).toEqual({ id: 'e1', expectedVersion: 3, title: 'SRE communiqué 001/24' });
  });
});
