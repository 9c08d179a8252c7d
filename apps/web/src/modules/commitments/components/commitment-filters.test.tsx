import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHONE_QUERY } from '../../ui/use-phone';
import { LocationProbe, renderWithProviders } from '../../../test/render';
import { useCommitmentQueryState } from '../hooks/use-commitment-query-state';
import { CommitmentFilters } from './commitment-filters';

function FiltersInUrl() {
  const [state, update] = useCommitmentQueryState();
  return (
    <>
      <CommitmentFilters state={state} onChange={update} options={undefined} />
      <LocationProbe />
    </>
  );
}

const location = () => new URLSearchParams(screen.getByTestId('location').textContent?.split('?')[1] ?? '');

describe('commitment filters', () => {
  it('shows the view a shared URL describes', () => {
    renderWithProviders(<FiltersInUrl />, { route: '/commitments?q=smuggling&status=IN_PROGRESS&overdue=true&dueAfter=2024-01-01&sort=DUE_ON&dir=DESC' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('smuggling');
    expect(screen.getByRole('combobox', { name: 'Overdue' })).toHaveValue('true');
    expect(screen.getByLabelText('Due on or after')).toHaveValue('2024-01-01');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('DUE_ON');
    expect(screen.getByRole('combobox', { name: 'Order' })).toHaveValue('DESC');
    // The status pill of the multi-select.
    expect(screen.getAllByText('In progress')[0]).toBeVisible();
  });

  it('writes each change back to the URL and keeps the rest', async () => {
    const user = userEvent.setup();
    renderWithProviders(<FiltersInUrl />, { route: '/commitments?status=IN_PROGRESS&party=MX' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Overdue' }), 'false');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'TITLE');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'human smuggling');

    await waitFor(() => expect(location().get('q')).toBe('human smuggling'));
    expect(location().get('overdue')).toBe('false');
    expect(location().get('sort')).toBe('TITLE');
    expect(location().get('status')).toBe('IN_PROGRESS');
    expect(location().get('party')).toBe('MX');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/commitments\?sort=TITLE$/));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });
});

describe('commitment filters on a phone', () => {
  /** The screen as a phone: only the phone query matches. */
  const asPhone = () =>
    vi.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) =>
        ({ matches: query === PHONE_QUERY, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }) as MediaQueryList,
    );
  afterEach(() => vi.restoreAllMocks());

  it('keeps the search and folds the other filters behind a button that says how many are on', async () => {
    asPhone();
    const user = userEvent.setup();
    renderWithProviders(<FiltersInUrl />, { route: '/commitments?q=smuggling&status=IN_PROGRESS&overdue=true' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('smuggling');
    expect(screen.queryByRole('combobox', { name: 'Overdue' })).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Filters (2 on)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.click(toggle);
    expect(screen.getByRole('combobox', { name: 'Overdue' })).toHaveValue('true');
    expect(screen.getByRole('button', { name: 'Hide filters' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows every filter at once on a wider screen, with no button', () => {
    renderWithProviders(<FiltersInUrl />, { route: '/commitments' });
    expect(screen.getByRole('combobox', { name: 'Overdue' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Filters/ })).not.toBeInTheDocument();
  });
});
