import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ReferenceDataPage from '../../../pages/reference-data-page';
import { createTestClient, GraphqlCall, renderWithProviders } from '../../../test/render';

const theme = (version: number, name: string, nameEs: string) => ({ __typename: 'Theme', id: 't-1', slug: 'water-rights', name, nameEs, archived: false, version });

/** The page against a server whose reference data the test changes between reads. */
function setUp(answer: (call: GraphqlCall) => { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } | undefined) {
  const state = { themes: [theme(1, 'Water rights', 'Derechos de agua')] };
  const { client, calls } = createTestClient((call) => {
    const own = answer(call);
    if (own) return own;
    if (call.operationName === 'ReferenceData') return { data: { parties: [], organizations: [], people: [], themes: state.themes } };
    if (call.operationName === 'Countries') return { data: { countries: [] } };
    if (call.operationName === 'WorkspaceStart') return { data: { parties: [{ __typename: 'Party', id: 'p' }], agreements: { __typename: 'AgreementConnection', totalCount: 3 } } };
    return { data: null };
  });
  renderWithProviders(<ReferenceDataPage />, { client });
  return { calls, state };
}

describe('reference data forms', () => {
  it('checks a new theme with the API’s rules before sending, then shows the server’s refusal beside its field', async () => {
    const { calls } = setUp(({ operationName }) =>
      operationName === 'CreateTheme'
        ? { data: null, errors: [{ message: 'slug: quotas is already a theme of this workspace', extensions: { code: 'BAD_USER_INPUT', field: 'slug' } }] }
        : undefined,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Themes' }));
    await user.click(await screen.findByRole('button', { name: 'Add a theme' }));
    const form = screen.getByRole('form', { name: 'New theme' });
    await user.type(within(form).getByRole('textbox', { name: /Slug/ }), 'Quotas!');
    await user.type(within(form).getByRole('textbox', { name: /Label in English/ }), 'Fishing quotas');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByText(/Lower-case letters and digits joined by hyphens/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /Label in Spanish/ })).toHaveAttribute('aria-invalid', 'true');
    expect(calls.map((c) => c.operationName)).not.toContain('CreateTheme');

    const slug = within(form).getByRole('textbox', { name: /Slug/ });
    await user.clear(slug);
    await user.type(slug, 'quotas');
    await user.type(within(form).getByRole('textbox', { name: /Label in Spanish/ }), 'Cuotas de pesca');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(within(form).getByText('slug: quotas is already a theme of this workspace')).toBeInTheDocument());
    expect(slug).toHaveAttribute('aria-invalid', 'true');
    expect(slug).toHaveValue('quotas');
    expect(calls.find((c) => c.operationName === 'CreateTheme')?.variables.input).toEqual({ slug: 'quotas', name: 'Fishing quotas', nameEs: 'Cuotas de pesca' });
  });

  it('on CONFLICT keeps what was typed, shows the newer version, and applies the change to it', async () => {
    let updates = 0;
    const box: { state: { themes: unknown[] } } = { state: { themes: [] } };
    const { calls, state } = setUp(({ operationName, variables }) => {
      if (operationName !== 'UpdateTheme') return undefined;
      updates++;
      if (updates === 1) {
        // Someone relabelled it first: the server is at version 2.
        box.state.themes = [theme(2, 'Water rights', 'Derechos sobre el agua')];
        return { data: null, errors: [{ message: 'Theme t-1 was changed by someone else', extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: 2 } }] };
      }
      const input = variables.input as { name: string; nameEs: string };
      return { data: { updateTheme: { __typename: 'ThemePayload', theme: theme(3, input.name, input.nameEs) } } };
    });
    box.state = state;
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Themes' }));
    await user.click(await screen.findByRole('button', { name: 'Edit Water rights' }));
    const form = screen.getByRole('form', { name: 'Edit Water rights' });
    const name = within(form).getByRole('textbox', { name: /Label in English/ });
    await user.clear(name);
    await user.type(name, 'Rights to water');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const alert = await within(form).findByRole('alert');
    await within(alert).findByText(/version 2/);
    expect(within(alert).getByText(/Derechos sobre el agua/)).toBeInTheDocument();
    expect(name).toHaveValue('Rights to water');
    await user.click(within(alert).getByRole('button', { name: 'Apply my change to the newer version' }));
    await waitFor(() => expect(updates).toBe(2));
    const sent = calls.filter((c) => c.operationName === 'UpdateTheme').map((c) => c.variables.input);
    expect(sent).toEqual([
      { id: 't-1', expectedVersion: 1, name: 'Rights to water', nameEs: 'Derechos de agua' },
      { id: 't-1', expectedVersion: 2, name: 'Rights to water', nameEs: 'Derechos de agua' },
    ]);
  });
});
