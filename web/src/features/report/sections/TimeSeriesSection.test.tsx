import { cleanup, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimeSeries } from '../../../lib/api/insights';
import { fullReport } from '../../../test/fixtures';
import { TimeSeriesSection } from './TimeSeriesSection';

const base = fullReport.time_series as unknown as TimeSeries;

function show(timeSeries: TimeSeries) {
  render(<TimeSeriesSection section={{ state: 'ok', data: timeSeries }} />);
  return screen.getByTestId('time-series');
}

/** The points a path visits (moves and lines). */
function pathPoints(path: Element): string[] {
  return (path.getAttribute('d') ?? '').match(/[ML][0-9.-]+/g) ?? [];
}

describe('Over time', () => {
  it('draws an incomplete last period apart from the complete ones, and says so', () => {
    const chart = show({ ...base, last_period_partial: true, period_starts: ['2023-01', '2023-02', '2023-03'] });

    expect(within(chart).getByText('Incomplete period')).toBeInTheDocument();
    const data = chart.querySelector('path.stroke-indigo-600')!;
    const partial = chart.querySelector('path.stroke-slate-400')!;
    expect(pathPoints(data)).toHaveLength(2);
    expect(pathPoints(partial)).toHaveLength(2);
    expect(partial).toHaveAttribute('stroke-dasharray');
  });

  it('names short stretches far out of line, and reads a report from before 2.10 without them', () => {
    const [amount] = base.series;
    const stretch = { from: '2025-03-10', to: '2025-03-12', periods: 3, value: 0, expected: 16590.5, robust_z: null, scale: 'log' };
    const chart = show({ ...base, period: 'day', series: [{ ...amount!, unusual_periods: [stretch] }] });

    expect(within(chart).getByTestId('unusual-period')).toHaveTextContent(
      '2025-03-10 to 2025-03-12 (3 days) are out of line: 0 on average against about 16,590.5 expected.',
    );
    cleanup();
    const { unusual_periods: _, ...older } = amount!;
    expect(within(show({ ...base, series: [older as typeof amount & object] })).queryByTestId('unusual-period')).toBeNull();
  });

  it('draws every period in line when all are complete', () => {
    const chart = show({ ...base, last_period_partial: false, first_period_partial: false });

    expect(within(chart).queryByText('Incomplete period')).toBeNull();
    expect(pathPoints(chart.querySelector('path.stroke-indigo-600')!)).toHaveLength(3);
    expect(chart.querySelector('path.stroke-slate-400')).toBeNull();
  });

  it('leaves out the row count of a table with one row per period and titles its series by their values', () => {
    const [amount] = base.series;
    render(
      <TimeSeriesSection
        section={{
          state: 'ok',
          data: {
            ...base,
            period: 'month',
            series: [
              { ...amount!, measure: 'rows', aggregate: 'count', values: [1, 1, null] },
              { ...amount!, measure: 'revenue', aggregate: 'mean' },
            ],
          },
        }}
      />,
    );

    expect(screen.getAllByTestId('time-series').map((chart) => chart.dataset.measure)).toEqual(['revenue']);
    expect(screen.getByRole('heading', { name: 'revenue per month' })).toBeInTheDocument();
    expect(screen.getByText(/one row per month, so each chart shows the values themselves/)).toBeInTheDocument();
  });

  it('titles the series of a count to date by its increase, whatever the rows per period', () => {
    const [amount] = base.series;
    render(
      <TimeSeriesSection
        section={{
          state: 'ok',
          data: { ...base, period: 'day', series: [{ ...amount!, measure: 'Confirmed', aggregate: 'increase' }] },
        }}
      />,
    );

    expect(screen.getByRole('heading', { name: 'Increase of Confirmed per day' })).toBeInTheDocument();
  });

  it('shows what the engine noted about a series', () => {
    const [series] = base.series;
    const note = 'Fewer than 6 complete periods with a value: no tests.';
    const chart = show({
      ...base,
      series: [{ ...series!, trend: null, change_points: [], notes: [note] }],
    });

    expect(within(chart).getByTestId('series-note')).toHaveTextContent(note);
    expect(chart).not.toHaveTextContent('Trend up');
  });

  it('shows a significant weekly pattern as bars above and below the average, and leaves out one that is not', () => {
    const [series] = base.series;
    const weekly = { kind: 'weekly', strength: 0.87, p_value: 1e-12, significant: true, profile: [0.9, 1, 1, 1.05, 1, 1.2, 0.85], level: 100 };
    const yearly = { kind: 'yearly', strength: 0.05, p_value: 0.4, significant: false, profile: Array(12).fill(1), level: 100 };
    const chart = show({ ...base, series: [{ ...series!, seasonality: [weekly, yearly] }] });

    const profiles = within(chart).getAllByTestId('season-profile');
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toHaveTextContent('Weekly pattern (η² 0.87): above or below the average');
    const bars = within(profiles[0]!).getAllByRole('listitem');
    expect(bars.map((bar) => bar.textContent)).toEqual([
      'Monday: −10%',
      'Tuesday: 0%',
      'Wednesday: 0%',
      'Thursday: +5%',
      'Friday: 0%',
      'Saturday: +20%',
      'Sunday: −15%',
    ]);
    expect(profiles[0]!.querySelectorAll('rect.fill-rose-400')).toHaveLength(2);
    expect(profiles[0]!.querySelectorAll('rect.fill-teal-500')).toHaveLength(5);
  });

  it("tells a temperature's daily pattern in degrees, not in percent of a mean near zero", () => {
    const [series] = base.series;
    const profile = Array.from({ length: 24 }, (_, hour) => (hour === 14 ? 9 : hour === 2 ? -7 : 1));
    const chart = show({
      ...base,
      series: [{ ...series!, interval_scale: true, seasonality: [{ kind: 'daily', strength: 0.98, p_value: 0, significant: true, profile, level: 1 }] }],
    });

    const profile24 = within(chart).getByTestId('season-profile');
    expect(profile24).toHaveTextContent('Daily pattern (η² 0.98): difference from the average');
    const bars = within(profile24).getAllByRole('listitem');
    expect(bars).toHaveLength(24);
    expect(bars[14]).toHaveTextContent('14:00: +8');
    expect(bars[2]).toHaveTextContent('02:00: −8');
    expect(profile24).not.toHaveTextContent('%');
  });

  it('leaves out a row count that is the same in every complete period, a flat line', () => {
    const [amount] = base.series;
    render(
      <TimeSeriesSection
        section={{
          state: 'ok',
          data: {
            ...base,
            first_period_partial: false,
            last_period_partial: true,
            series: [
              { ...amount!, measure: 'rows', aggregate: 'count', values: [96, 96, 40] },
              { ...amount!, measure: 'kwh', aggregate: 'sum' },
            ],
          },
        }}
      />,
    );

    expect(screen.getAllByTestId('time-series').map((chart) => chart.dataset.measure)).toEqual(['kwh']);
  });
});
