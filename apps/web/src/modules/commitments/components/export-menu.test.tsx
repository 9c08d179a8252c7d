import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { ExportMenu } from './export-menu';

// Mantine's dropdown stays display:none in jsdom (no transition end), so items are looked up hidden.
const hrefs = async () => (await screen.findAllByRole('menuitem', { hidden: true })).map((item) => item.getAttribute('href'));

describe('export menu of the commitment list', () => {
  it('links the four files of the whole workspace when the list has no filter', async () => {
    renderWithProviders(<ExportMenu filter={{}} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export all' }));
    expect(await hrefs()).toEqual(['/export/commitments.csv', '/export/commitments.json', '/export/status-history.csv', '/export/status-history.json']);
    expect((await screen.findAllByRole('menuitem', { hidden: true })).map((item) => [item.textContent, item.hasAttribute('download')])).toEqual([
      ['Commitments (CSV)', true], ['Commitments (JSON)', true], ['Status history (CSV)', true], ['Status history (JSON)', true],
    ]);
  });

  it("carries the list's filter to the API as JSON", async () => {
    const filter = { search: 'human smuggling', partyCodes: ['MX'], overdue: true };
    renderWithProviders(<ExportMenu filter={filter} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export these' }));
    const href = (await screen.findByRole('menuitem', { name: 'Status history (CSV)', hidden: true })).getAttribute('href');
    const url = new URL(href ?? '', 'http://app.test');
    expect(url.pathname).toBe('/export/status-history.csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? 'null')).toEqual(filter);
  });
});
