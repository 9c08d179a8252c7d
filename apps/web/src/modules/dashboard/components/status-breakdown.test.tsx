import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CommitmentStatus } from '@pactwatch/domain';
import { renderWithProviders } from '../../../test/render';
import { StatusBreakdown } from './status-breakdown';

describe('StatusBreakdown', () => {
  it('lists the legend and the bar sections in the lifecycle order of libs/domain, whatever order the counts came in', () => {
    const counted = [{ key: 'MX', counts: [{ status: 'BROKEN', count: 1 }, { status: 'FULFILLED', count: 2 }, { status: 'ANNOUNCED', count: 3 }, { status: 'STALLED', count: 1 }] }];
    renderWithProviders(<StatusBreakdown title="By party" groups={[{ key: 'MX', label: 'Mexico' }]} counted={counted as never} />);
    const bars = screen.getByTestId('status-bars');
    const lifecycle = Object.values(CommitmentStatus);
    const legend = within(bars).getAllByText(/^(Announced|In progress|Stalled|Partially fulfilled|Fulfilled|Broken)$/).map((el) => el.textContent);
    expect(legend).toEqual(['Announced', 'In progress', 'Stalled', 'Partially fulfilled', 'Fulfilled', 'Broken']);
    expect(lifecycle).toEqual(['ANNOUNCED', 'IN_PROGRESS', 'STALLED', 'PARTIALLY_FULFILLED', 'FULFILLED', 'BROKEN']);
    const sections = [...bars.querySelectorAll('[data-status]')].map((el) => el.getAttribute('data-status'));
    expect(sections).toEqual(['ANNOUNCED', 'STALLED', 'FULFILLED', 'BROKEN']);
  });
});
