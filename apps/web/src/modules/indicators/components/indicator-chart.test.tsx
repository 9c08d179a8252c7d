import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { IndicatorChart } from './indicator-chart';

describe('IndicatorChart', () => {
  it('spaces the dates by time, not evenly: a day apart sits close, a year apart far', () => {
    const points = [
      { asOf: '2024-01-01', value: 10 },
      { asOf: '2024-01-02', value: 12 },
      { asOf: '2024-07-01', value: 15 },
      { asOf: '2025-01-01', value: 20 },
    ];
    renderWithProviders(<IndicatorChart name="Shelter beds" unit="beds" points={points} />);
    const xs = [...screen.getByTestId('indicator-line').querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]);
    // 1 day, 181 days, 184 days: in proportion, within rounding.
    expect(gaps[0] / (xs[3] - xs[0])).toBeCloseTo(1 / 366, 2);
    expect(gaps[1] / gaps[2]).toBeCloseTo(181 / 184, 2);
  });
});
