import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Indicator, KpisSection as Kpis } from '../../../lib/api/insights';
import { KpisSection, indicatorValue, label } from './KpisSection';

const BENFORD_EXPECTED = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => Math.log10(1 + 1 / d));

function show(kpis: Kpis) {
  return render(<KpisSection section={{ state: 'ok', data: kpis }} />);
}

describe('Key figures', () => {
  it('shows Benford digit shares as a table of digits, not as raw lists', () => {
    const observed = [0.3019, 0.1765, 0.1264, 0.0958, 0.0798, 0.0662, 0.058, 0.0502, 0.0452];
    show({
      domains: [
        {
          domain: 'transactions',
          columns: { amount: 'amount' },
          indicators: [
            {
              name: 'benford_mad',
              value: 0.000813,
              unit: 'statistic',
              detail: { observed, expected: BENFORD_EXPECTED, chi_square: 4.33, conformity: 'close', n: 60000 },
              note: 'mean absolute deviation of first-digit shares',
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const card = screen.getByTestId('kpi');
    expect(card).toHaveTextContent('Benford MAD0.000813');
    expect(card.className).toContain('sm:col-span-2');
    const table = within(card).getByTestId('kpi-series');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['first digit', 'observed', 'expected']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toHaveTextContent('130.2%30.1%');
    expect(rows[8]).toHaveTextContent('94.5%4.6%');
    expect(card).not.toHaveTextContent('[');
    expect(within(card).getByTestId('kpi-detail')).toHaveTextContent('conformity:close');
  });

  it('lists a price panel per ticker with returns, volatility and drawdowns as percentages', () => {
    show({
      domains: [
        {
          domain: 'price_series',
          columns: { price: 'close', date: 'date', entity: 'Name' },
          indicators: [
            {
              name: 'series',
              value: 2,
              unit: 'count',
              detail: {
                NVDA: { prices: 1000, from: '2020-01-02', to: '2023-11-01', total_return: 2.1046, volatility: 0.2862, sharpe: 1.1425, max_drawdown: -0.5186, value_at_risk_95: 0.0264 },
                F: { prices: 1000, from: '2020-01-02', to: '2023-11-01', total_return: -0.3729, volatility: 0.4792, sharpe: -0.0068, max_drawdown: -0.6953, value_at_risk_95: 0.0468 },
              },
              note: 'one series of close per Name with at least 20 prices, best total return first',
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const card = screen.getByTestId('kpi');
    expect(card.className).toContain('sm:col-span-2');
    const rows = within(within(card).getByTestId('kpi-detail')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('NVDA');
    expect(rows[1]).toHaveTextContent('210.5%');
    expect(rows[1]).toHaveTextContent('28.6%');
    expect(rows[1]).toHaveTextContent('1.14');
    expect(rows[2]).toHaveTextContent('-69.5%');
  });

  it("lists an ad export's campaigns with rates and returns on ad spend as percentages", () => {
    show({
      domains: [
        {
          domain: 'advertising',
          columns: { impressions: 'impressions', clicks: 'clicks', dimension: 'campaign' },
          indicators: [
            { name: 'return_on_ad_spend', value: 3.1646, unit: 'ratio', detail: null, note: 'total revenue / total spend' },
            {
              name: 'by_campaign',
              value: null,
              unit: 'count',
              detail: [
                { value: 'Brand Search', impressions: 6863001, click_through_rate: 0.0862, spend: 534160, return_on_ad_spend: 4.6724 },
                { value: 'Video Awareness', impressions: 1203001, click_through_rate: 0.0041, spend: 8826, return_on_ad_spend: 0.1308 },
              ],
              note: 'the same figures per campaign, the 10 with the most spend',
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const cards = screen.getAllByTestId('kpi');
    expect(cards[0]).toHaveTextContent('316.5%');
    const rows = within(within(cards[1] as HTMLElement).getByTestId('kpi-detail')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Brand Search');
    expect(rows[1]).toHaveTextContent('8.6%');
    expect(rows[1]).toHaveTextContent('467.2%');
    expect(rows[2]).toHaveTextContent('13.1%');
  });

  it("lists a budget's variance per department with rates of any size as percentages", () => {
    show({
      domains: [
        {
          domain: 'plan_vs_actual',
          columns: { plan: 'Budget', actual: 'Actual' },
          indicators: [
            {
              name: 'by_department',
              value: null,
              unit: null,
              detail: [
                { value: 'Marketing', Budget: 1212000, Actual: 2771168, variance: 1559168, variance_rate: 1.2865, rows: 96, rows_over: 96, rows_under: 0, p_value: 0 },
                { value: 'Engineering', Budget: 4848000, Actual: 4693579, variance: -154421, variance_rate: -0.0318, rows: 96, rows_over: 16, rows_under: 80, p_value: 0.0000001 },
              ],
              note: 'the variance per Department, the 10 largest',
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const rows = within(within(screen.getByTestId('kpi')).getByTestId('kpi-detail')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('128.7%');
    expect(rows[2]).toHaveTextContent('-3.2%');
  });

  it('writes years as years and p-values as the sentences do', () => {
    show({
      domains: [
        {
          domain: 'profit_and_loss',
          columns: { revenue: 'revenue' },
          indicators: [
            { name: 'revenue_growth', value: 0.11, unit: 'ratio', detail: { year: 2024, previous_year: 2023 }, note: null },
            { name: 'benford_mad', value: 0.0039, unit: 'statistic', detail: { p_value: 2.1e-10, chi_square: 61.77 }, note: null },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const [growth, benford] = screen.getAllByTestId('kpi-detail');
    expect(growth).toHaveTextContent('year:2024previous year:2023');
    expect(benford).toHaveTextContent('p value:< 0.001chi square:61.77');
  });

  it('gives wide tables a wide card that scrolls instead of spilling out', () => {
    show({
      domains: [
        {
          domain: 'retail',
          columns: {},
          indicators: [
            {
              name: 'rfm_segments',
              value: null,
              unit: null,
              detail: {
                champions: { customers: 3917, monetary_share: 0.763, median_recency_days: 5, median_frequency: 3 },
                lost: { customers: 2744, monetary_share: 0.048, median_recency_days: 38, median_frequency: 1 },
              },
              note: null,
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const card = screen.getByTestId('kpi');
    expect(card).toHaveTextContent('RFM segments');
    expect(card.className).toContain('sm:col-span-2');
    expect(within(card).getByTestId('kpi-detail').parentElement!.className).toContain('overflow-x-auto');
    expect(within(card).getByRole('row', { name: /champions/ })).toHaveTextContent('champions3,91776.3%53');
  });

  it('shows where a flag is concentrated as a table of its own, not as raw JSON', () => {
    show({
      domains: [
        {
          domain: 'transactions',
          columns: { fraud_flag: 'Disputed' },
          indicators: [
            {
              name: 'fraud_rate',
              value: 0.00575,
              unit: 'ratio',
              detail: {
                flagged: 69,
                flagged_amount: 14373.49,
                highest_by_segment: [
                  { dimension: 'Card Country', value: 'NG', rows: 248, flagged: 37, rate: 0.149, rest_rate: 0.0027, p_value: 1e-43 },
                ],
              },
              note: null,
            },
          ],
        },
      ],
      notes: [],
    } as unknown as Kpis);

    const card = screen.getByTestId('kpi');
    expect(card).not.toHaveTextContent('{');
    expect(card.className).toContain('sm:col-span-2');
    const [figures, segments] = within(card).getAllByTestId('kpi-detail');
    expect(figures).toHaveTextContent('flagged:69flagged amount:14,373.49');
    expect(figures).not.toHaveTextContent('highest');
    expect(card).toHaveTextContent('highest by segment');
    expect(within(segments!).getAllByRole('row')[1]).toHaveTextContent('Card CountryNG2483714.9%0.3%< 0.001');
  });

  it('shows a statistic as it is and a ratio as a percentage', () => {
    const indicator = (name: string, value: number, unit: string) =>
      ({ name, value, unit, detail: null, note: null }) as unknown as Indicator;
    expect(indicatorValue(indicator('sharpe_ratio', 1.4567, 'statistic'))).toBe('1.46');
    expect(indicatorValue(indicator('benford_mad', 0.000813, 'statistic'))).toBe('0.000813');
    expect(indicatorValue(indicator('volatility', 0.2345, 'ratio'))).toBe('23.5%');
  });

  it('spells acronyms in indicator names as acronyms', () => {
    expect(label('benford_mad')).toBe('Benford MAD');
    expect(label('rfm_segments')).toBe('RFM segments');
    expect(label('refund_rate')).toBe('Refund rate');
  });
});
