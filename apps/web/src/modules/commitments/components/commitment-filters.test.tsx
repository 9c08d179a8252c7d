import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
