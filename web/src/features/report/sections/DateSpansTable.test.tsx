import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { relationshipsSchema } from '../../../lib/api/insights';
import { JOB_ID, fullReport } from '../../../test/fixtures';
import { reportToHtml } from '../export-html';
import { readReport } from '../report-model';
import { RelationshipsSection } from './RelationshipsSection';

function show(raw: unknown) {
  const data = relationshipsSchema.parse(raw);
  return render(<RelationshipsSection section={{ state: 'ok', data }} />);
}

describe('Time between dates', () => {
  it('lists each pair of dates with its median, longest, rows in the wrong order and what it depends on', () => {
    show({
      numeric_columns: [],
      categorical_columns: [],
      strongest_pairs: [],
      dependencies: [],
      notes: [],
      date_spans: [
        { from: 'order_date', to: 'ship_date', unit: 'days', rows: 19859, median: 1, p95: 4, max: 17, max_row: 10888, reversed: 3, reversed_rows: [78, 4001, 13001], by: null },
        {
          from: 'ship_date',
          to: 'delivery_date',
          unit: 'days',
          rows: 19712,
          median: 3,
          p95: 5,
          max: 34,
          max_row: 13001,
          reversed: 0,
          reversed_rows: [],
          by: {
            dimension: 'carrier',
            eta_squared: 0.5006,
            p_value: 0,
            groups: [
              { value: 'FedEx', rows: 4810, mean: 1.705 },
              { value: 'USPS', rows: 4937, mean: 4.497 },
            ],
          },
        },
      ],
    });

    const rows = within(screen.getByTestId('date-spans')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('order_date → ship_date1 day4 days17 days (row 10,888)3 rows (78, 4,001, 13,001)no category explains it');
    expect(rows[1]).toHaveTextContent('carrier: 1.71 days for FedEx to 4.5 days for USPS (explains 50.1%)');
    expect(rows[1]).toHaveTextContent('none');
  });

  it('shows no table for a file without such dates, and reads a report from before 2.9', () => {
    show({ numeric_columns: [], categorical_columns: [], strongest_pairs: [], dependencies: [], notes: [] });
    expect(screen.queryByTestId('date-spans')).toBeNull();
  });

  it('exports the time between dates to HTML', () => {
    const spans = [{ from: 'order_date', to: 'ship_date', unit: 'days', rows: 100, median: 1, p95: 4, max: 17, max_row: 12, reversed: 2, reversed_rows: [3, 9], by: null }];
    const html = reportToHtml(readReport({ ...fullReport, relationships: { ...fullReport.relationships, date_spans: spans } }), {
      fileName: 'orders.csv',
      jobId: JOB_ID,
      generatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(html).toContain('<h3>Time between dates</h3>');
    expect(html).toContain('<th>order_date → ship_date</th><td class="n">1 day</td><td class="n">4 days</td><td class="n">17 days</td><td>2 (rows 3, 9)</td><td>—</td>');
  });
});
