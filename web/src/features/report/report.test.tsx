import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { insights } from '../../test/fixtures';
import { ColumnProfilesTable } from './ColumnProfilesTable';
import { DatasetSummary } from './DatasetSummary';

function cells(rowName: string): string[] {
  const row = screen.getByRole('row', { name: new RegExp(`^${rowName}`) });
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('ColumnProfilesTable', () => {
  it('renders one row per column with readable numbers and a dash for what does not apply', () => {
    render(<ColumnProfilesTable columns={insights.columns} />);

    expect(within(screen.getByTestId('column-profiles')).getAllByTestId('column-row')).toHaveLength(3);
    expect(cells('amount')).toEqual(['decimal', '3 (0.3%)', '950', '1.5', '999', '120.7']);
    expect(cells('sold_on')).toEqual(['date', '0 (0%)', '365', '2023-01-01', '2023-12-31', '—']);
    expect(cells('note')).toEqual(['text', '1,000 (100%)', '0', '—', '—', '—']);
  });

  it('groups large values and keeps small fractions significant', () => {
    render(
      <ColumnProfilesTable
        columns={[
          { name: 'big', type: 'decimal', missing_count: 1, missing_percent: 0.01, distinct_count: 1_204_331, min: -0.000123456, max: 98_765_432.109, mean: 1234.5678 },
        ]}
      />,
    );

    expect(cells('big')).toEqual(['decimal', '1 (<0.1%)', '1,204,331', '-0.000123', '98,765,432.11', '1,234.57']);
  });

  it('keeps only the rows near the screen of a wide file in the page, and says how many there are', () => {
    const columns = Array.from({ length: 500 }, (_, i) => ({ ...insights.columns[0]!, name: `c${i + 1}` }));
    render(<ColumnProfilesTable columns={columns} />);

    const table = screen.getByTestId('column-profiles');
    const rows = within(table).getAllByTestId('column-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(rows[0]).toHaveTextContent(/^c1decimal/);
    expect(table).toHaveAttribute('aria-rowcount', '501');
  });

  it('says so when the file has no columns', () => {
    render(<ColumnProfilesTable columns={[]} />);
    expect(screen.getByText('The file has no columns.')).toBeInTheDocument();
  });
});

describe('DatasetSummary', () => {
  it('describes the file in words', () => {
    render(
      <DatasetSummary
        dataset={{ rows: 1_204_331, columns: 12, file_size_bytes: 5_368_709, delimiter: '\t', quote: '', has_header: false, encoding: 'ISO-8859-1' }}
      />,
    );
    const summary = screen.getByTestId('dataset-summary');
    const value = (field: string) => summary.querySelector(`[data-field="${field}"]`)?.textContent;

    expect(value('rows')).toBe('1,204,331');
    expect(value('columns')).toBe('12');
    expect(value('file-size')).toBe('5.1 MB');
    expect(value('delimiter')).toBe('tab');
    expect(value('quote')).toBe('none');
    expect(value('header-row')).toBe('No');
    expect(value('encoding')).toBe('ISO-8859-1');
  });
});
