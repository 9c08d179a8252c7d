import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n/i18n';
import { createTestClient, renderWithProviders } from '../../../test/render';
import { CountryPicker } from './country-picker';

const COUNTRIES = [
  { __typename: 'Country', code: 'MX', name: 'Mexico', nameEs: 'México', party: null },
  { __typename: 'Country', code: 'US', name: 'United States of America', nameEs: 'Estados Unidos', party: null },
  { __typename: 'Country', code: 'GT', name: 'Guatemala', nameEs: 'Guatemala', party: { __typename: 'Party', id: 'p-gt', archived: false } },
];

describe('the country picker', () => {
  afterEach(() => i18n.changeLanguage('en'));

  // Mantine's dropdown stays display:none in jsdom (no transition end), so options are looked up hidden.
  it('finds a country by its name without accents, leaves out those added, and adds the one chosen by its code', async () => {
    const { client, calls } = createTestClient(({ operationName, variables }) =>
      operationName === 'AddCountryParty'
        ? { data: { addCountryParty: { __typename: 'PartyPayload', party: { __typename: 'Party', id: 'p-mx', code: (variables.input as { code: string }).code, kind: 'COUNTRY', name: 'Mexico', nameEs: 'México', archived: false, version: 1 } } } }
        : { data: null },
    );
    const onAdded = vi.fn();
    renderWithProviders(<CountryPicker countries={COUNTRIES} onAdded={onAdded} />, { client });
    const user = userEvent.setup();
    const input = screen.getByRole('combobox', { name: /Add a country/ });
    await user.click(input);
    expect(screen.queryByRole('option', { name: /Guatemala/, hidden: true })).toBeNull();
    await user.type(input, 'mexico');
    expect((await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent)).toEqual(['Mexico (MX)']);
    await user.click(screen.getByRole('option', { name: 'Mexico (MX)', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Add country' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(calls.find((c) => c.operationName === 'AddCountryParty')?.variables.input).toEqual({ code: 'MX' });
  });

  it('names countries in Spanish for a Spanish reader and finds them by either name', async () => {
    await i18n.changeLanguage('es');
    renderWithProviders(<CountryPicker countries={COUNTRIES} onAdded={() => undefined} />);
    const user = userEvent.setup();
    const input = screen.getByRole('combobox', { name: /Añadir un país/ });
    await user.type(input, 'estados');
    expect((await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent)).toEqual(['Estados Unidos (US)']);
    await user.clear(input);
    await user.type(input, 'united');
    expect((await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent)).toEqual(['Estados Unidos (US)']);
  });
});
