import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SegmentsSection as Segments } from '../../../lib/api/insights';
import { SegmentsSection } from './SegmentsSection';

const share = (value: string, total: number, rows: number, share: number | null, mean: number) => ({ value, total, rows, share, mean });

function show(segments: Segments) {
  render(<SegmentsSection section={{ state: 'ok', data: segments }} />);
  return screen.getAllByTestId('segment');
}

describe('Segments and contributors', () => {
  it('compares prices by their average per group, with no totals, shares or Pareto curve', () => {
    const [card] = show({
      breakdowns: [
        {
          measure: 'unit_price',
          dimension: 'category',
          total: null,
          groups: 3,
          top: [share('jewellery', 120_000, 300, null, 400), share('books', 36_000, 1800, null, 20), share('food', 4_500, 900, null, 5)],
          bottom: [],
          top_fifth_share: null,
          gini: null,
          eta_squared: 0.9,
          p_value: 1e-30,
          means_differ: true,
          additive: false,
        },
      ],
      notes: [],
    } as unknown as Segments);

    expect(within(card!).getByRole('heading', { level: 3 })).toHaveTextContent('Average unit_price by category');
    expect(within(card!).getByTestId('means-only')).toBeInTheDocument();
    expect(within(card!).getByText(/Highest average/)).toBeInTheDocument();
    const bars = within(within(card!).getByTestId('top-contributors')).getAllByRole('listitem');
    expect(bars[0]).toHaveTextContent('jewellery400 (300 rows)');
    expect(card).not.toHaveTextContent('120,000');
    expect(within(card!).queryByTestId('pareto-chart')).toBeNull();
    expect(card).toHaveTextContent('The average unit_price differs by category');
  });

  it('keeps totals, shares and the Pareto curve for additive measures and for reports before 2.2', () => {
    const [card] = show({
      breakdowns: [
        {
          measure: 'amount',
          dimension: 'region',
          total: 1000,
          groups: 2,
          top: [share('North', 600, 10, 0.6, 60), share('South', 400, 10, 0.4, 40)],
          bottom: [],
          top_fifth_share: 0.6,
          gini: 0.1,
          eta_squared: null,
          p_value: null,
          means_differ: false,
        },
      ],
      notes: [],
    } as unknown as Segments);

    expect(within(card!).getByRole('heading', { level: 3 })).toHaveTextContent('amount by region');
    expect(within(within(card!).getByTestId('top-contributors')).getAllByRole('listitem')[0]).toHaveTextContent('North600 (60%)');
    expect(within(card!).getByTestId('pareto-chart')).toHaveAttribute('data-scope', 'listed');
    expect(within(card!).queryByTestId('means-only')).toBeNull();
  });

  it('draws the Pareto curve over every group from report 2.4, next to an equal split', () => {
    const [card] = show({
      breakdowns: [
        {
          measure: 'revenue',
          dimension: 'store',
          total: 110,
          groups: 5,
          top: [share('a', 70, 20, 70 / 110, 3.5), share('b', 10, 20, 10 / 110, 0.5)],
          bottom: [],
          top_fifth_share: 70 / 110,
          pareto: [0.2, 0.4, 0.6, 0.8, 1].map((groups_share, i) => ({ groups_share, total_share: (70 + 10 * i) / 110 })),
          gini: 0.44,
          eta_squared: null,
          p_value: null,
          means_differ: false,
          additive: true,
        },
      ],
      notes: [],
    } as unknown as Segments);

    const chart = within(card!).getByTestId('pareto-chart');
    expect(chart).toHaveAttribute('data-scope', 'all-groups');
    expect(chart).toHaveAttribute('data-points', '5');
    expect(within(chart).getByRole('img')).toHaveAccessibleName('Pareto curve of revenue by store over all 5 values');
    expect(chart).toHaveTextContent('If every value brought the same');
    expect(chart).toHaveTextContent('100% of values');
  });

  it('lists where a yes/no column is concentrated, with its rate there and elsewhere', () => {
    render(
      <SegmentsSection
        section={{
          state: 'ok',
          data: {
            breakdowns: [],
            flag_rates: [{ flag: 'attrition', dimension: 'overtime', value: 'true', rows: 412, flagged: 131, rate: 0.318, rest_rate: 0.106, p_value: 1e-20 }],
            notes: [],
          } as unknown as Segments,
        }}
      />,
    );

    const table = screen.getByTestId('flag-rates');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveAttribute('id', 'flag-rate-attrition--overtime');
    expect(row).toHaveTextContent('attritionovertime = true31.8% (131 of 412)10.6%< 0.001');
  });

  it('lists what a yes/no column goes with, and how the rows were compared; a report before 2.10 has no such table', () => {
    const effect = {
      flag: 'promo',
      value: 'yes',
      other_value: null,
      measure: 'units',
      by: 'product',
      rows_with: 375,
      rows_without: 1497,
      difference: 128.4,
      relative: 0.4512,
      p_value: 1e-30,
      groups: [{ value: 'Cola', rows_with: 120, mean_with: 633.1, rows_without: 504, mean_without: 438.5 }],
    };
    const { unmount } = render(
      <SegmentsSection section={{ state: 'ok', data: { breakdowns: [], flag_rates: [], flag_effects: [effect], notes: [] } as unknown as Segments }} />,
    );

    const row = within(screen.getByTestId('flag-effects')).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('promo = yesunitswithin each product+45.1%< 0.001');
    unmount();
    render(<SegmentsSection section={{ state: 'ok', data: { breakdowns: [], flag_rates: [], notes: [] } as unknown as Segments }} />);
    expect(screen.queryByTestId('flag-effects')).toBeNull();
  });
});
