import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch-stub';
import { JOB_ID, fullReport, insights } from '../../test/fixtures';
import { reportToHtml } from './export-html';
import { readReport } from './report-model';
import ReportView from './ReportView';

afterEach(() => vi.unstubAllGlobals());

function show(raw: unknown, options: { partial?: boolean } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ReportView jobId={JOB_ID} fileName="sales.csv" raw={raw} partial={options.partial} />
    </QueryClientProvider>,
  );
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

const ROWS = `/api/jobs/${JOB_ID}/rows?offset=0&limit=500`;

describe('ReportView', () => {
  it('says a column with no repeated value has none instead of listing ten values seen once', () => {
    stubFetch({});
    const ids = {
      ...fullReport.columns[0],
      name: 'order_id',
      type: 'text',
      role: 'identifier',
      numeric: null,
      categories: {
        top_values: [
          { value: 'A-3', count: 1, share: 0.001 },
          { value: 'A-2', count: 1, share: 0.001 },
        ],
        other_count: 998,
      },
    };
    show({ ...fullReport, columns: [...fullReport.columns, ids] });

    const card = screen.getAllByTestId('column-detail').find((detail) => detail.dataset.column === 'order_id')!;
    expect(within(card).queryByTestId('top-values')).toBeNull();
    expect(within(card).getByTestId('no-repeats')).toHaveTextContent('No value repeats.');
    const region = screen.getAllByTestId('column-detail').find((detail) => detail.dataset.column === 'region')!;
    expect(within(region).queryByTestId('no-repeats')).toBeNull();
    const html = reportToHtml(readReport({ ...fullReport, columns: [...fullReport.columns, ids] }), {
      fileName: 'sales.csv',
      jobId: JOB_ID,
      generatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(html).toContain('<h3>order_id</h3>');
    expect(html.split('No value repeats.').length - 1).toBe(1);
  });

  it('puts the key findings first, strongest first, each linking to the section that shows its evidence', async () => {
    stubFetch({});
    show(fullReport);

    const sections = screen.getAllByRole('region').map((region) => region.id).filter(Boolean);
    expect(sections.indexOf('report-findings')).toBeLessThan(sections.indexOf('report-columns'));
    const findings = screen.getAllByTestId('key-finding');
    expect(findings.map((finding) => finding.querySelector('p')?.textContent)).toEqual([
      'Amount grows 12% over the year.',
      'North brings half of the amount.',
      'Amount is right-skewed.',
      'Amount and quantity move together.',
    ]);
    const links = findings.map((finding) => within(finding).getByRole('link').getAttribute('href'));
    expect(links).toEqual(['#series-amount', '#segment-amount--region', '#column-amount', '#report-relationships']);

    await userEvent.click(within(findings[1]!).getByRole('link'));
    expect(document.activeElement?.id).toBe('segment-amount--region');
    expect(document.activeElement).toHaveTextContent('amount by region');
  });

  it('keeps only the nearby column cards of a wide file in the page, and brings in the one a finding links to', async () => {
    stubFetch({});
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const columns = Array.from({ length: 500 }, (_, i) => ({ ...fullReport.columns[0]!, name: `c${i + 1}` }));
    const finding = { sentence: 'c450 is right-skewed.', kind: 'skew', score: 1, evidence: { columns: ['c450'], chart_key: 'histogram:c450' } };
    show({ ...fullReport, columns, key_findings: [finding] });

    const list = screen.getByTestId('column-details');
    expect(list).toHaveAttribute('data-count', '500');
    expect(within(list).getAllByTestId('column-detail').length).toBeLessThan(20);
    expect(document.getElementById('column-c450')).toBeNull();

    await userEvent.click(within(screen.getByTestId('key-finding')).getByRole('link'));

    await waitFor(() => expect(document.activeElement?.id).toBe('column-c450'));
    expect(document.activeElement).toHaveAttribute('data-column', 'c450');
    expect(within(list).getAllByTestId('column-detail').length).toBeLessThan(20);
    expect(scrollTo).toHaveBeenCalled();
    scrollTo.mockRestore();
  });

  it('renders every section present in the report from its own figures', () => {
    stubFetch({});
    show(fullReport);

    const cards = screen.getByTestId('summary-cards');
    expect(within(cards).getByText('Missing cells').nextSibling).toHaveTextContent('33.4%');
    expect(within(cards).getByText('Quality score').nextSibling).toHaveTextContent('72 / 100');
    expect(screen.getAllByTestId('kpi').map((kpi) => kpi.textContent)).toEqual([
      'Total amount120,700Sum of amount.',
      'Refund rate37.5%Share of negative amounts.',
      'Benford digitsSee the digit table.1:0.3',
    ]);
    expect(screen.getByTestId('quality-deductions')).toHaveTextContent('−20 for completeness: 1 point per % of missing cells');
    expect(screen.getAllByTestId('quality-alert').map((alert) => alert.dataset.severity)).toEqual(['warning', 'critical']);
    expect(screen.getAllByTestId('quality-alert')[0]).toHaveTextContent('warning · note: Column note is entirely empty.');

    const amount = screen.getAllByTestId('column-detail').find((card) => card.dataset.column === 'amount')!;
    expect(within(amount).getByText('Std dev').nextSibling).toHaveTextContent('80.25');
    expect(within(amount).getByText('Median').nextSibling).toHaveTextContent('100');
    expect(within(amount).getByTestId('histogram')).toBeInTheDocument();
    const region = screen.getAllByTestId('column-detail').find((card) => card.dataset.column === 'region')!;
    expect(within(within(region).getByTestId('top-values')).getAllByRole('listitem')[0]).toHaveTextContent('North500 (50%)');

    const heatmap = screen.getByTestId('correlation-heatmap');
    expect(within(heatmap).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['amount', 'quantity', 'discount']);
    expect(within(heatmap).getByRole('row', { name: /^quantity/ })).toHaveTextContent('0.821.00–');
    expect(screen.getByTestId('strongest-pairs')).toHaveTextContent('amount ↔ quantityPearson r = 0.82over 1,000 rows');
    expect(screen.getByTestId('dependencies')).toHaveTextContent('amount = price × quantity (holds on all 1,000 rows checked)');

    const series = screen.getByTestId('time-series');
    expect(series).toHaveTextContent('Total amount per month');
    expect(series).toHaveTextContent('Trend up: 12.5 per period (12% over the series).');
    expect(within(series).getByText('90% forecast interval')).toBeInTheDocument();

    expect(within(screen.getByTestId('outliers-table')).getByRole('row', { name: /amount/ })).toHaveTextContent('12 (1.2%)0 low, 12 high-170 to 390999 (17), 870.5 (230)');
    const segment = screen.getByTestId('segment');
    expect(within(segment).getByTestId('top-contributors')).toHaveTextContent('North60,350 (50%)');
    expect(within(segment).getByTestId('pareto-chart')).toHaveAttribute('data-points', '3');
    expect(segment).toHaveTextContent('The largest 20% of region values bring 50% of the total. Gini 0.2 (evenly spread).');
    expect(screen.getByTestId('rejects-summary')).toHaveTextContent('1,000 of 1,002 rows were read; 2 could not be read');
    expect(within(screen.getByTestId('rejects-table')).getAllByRole('row')).toHaveLength(3);
  });

  it('gives an identifier its count and range, not a mean, spread or histogram of its labels', () => {
    stubFetch({});
    const [amount] = fullReport.columns;
    const orderId = { ...amount!, name: 'order_id', type: 'integer', role: 'identifier', mean: 68_773.5 };
    const report = { ...fullReport, columns: [orderId, ...fullReport.columns.slice(1)] };
    show(report);

    const card = screen.getAllByTestId('column-detail').find((c) => c.dataset.column === 'order_id')!;
    expect(within(card).getByText('Distinct')).toBeInTheDocument();
    expect(within(card).getByText('Max')).toBeInTheDocument();
    for (const term of ['Mean', 'Std dev', 'Median', 'Skewness']) expect(within(card).queryByText(term)).toBeNull();
    expect(within(card).queryByTestId('histogram')).toBeNull();
    expect(screen.getByRole('row', { name: /^order_id/ })).not.toHaveTextContent('68,773.5');
    const html = reportToHtml(readReport(report), { fileName: 'orders.csv', jobId: JOB_ID, generatedAt: new Date('2024-01-01T00:00:00Z') });
    expect(html).not.toContain('68,773.5');
  });

  it('exports where a flag is concentrated and each significant season to HTML', () => {
    const [series] = fullReport.time_series.series;
    const weekly = { kind: 'weekly', strength: 0.87, p_value: 1e-12, significant: true, profile: [0.9, 1, 1, 1, 1, 1.2, 0.9], level: 100 };
    const report = {
      ...fullReport,
      time_series: { ...fullReport.time_series, series: [{ ...series!, seasonality: [weekly] }] },
      segments: {
        ...fullReport.segments,
        flag_rates: [{ flag: 'attrition', dimension: 'overtime', value: 'true', rows: 412, flagged: 131, rate: 0.318, rest_rate: 0.106, p_value: 1e-20 }],
        flag_effects: [
          { flag: 'gender', value: 'F', other_value: 'M', measure: 'salary', by: null, rows_with: 300, rows_without: 900, difference: -4000, relative: -0.12, p_value: 1e-6, groups: [] },
        ],
      },
    };

    const html = reportToHtml(readReport(report), { fileName: 'staff.csv', jobId: JOB_ID, generatedAt: new Date('2024-01-01T00:00:00Z') });
    expect(html).toContain('<tr><th>gender = F vs M</th><td>salary</td><td>over all rows</td><td class="n">-12%</td><td class="n">&lt; 0.001</td></tr>');

    expect(html).toContain('Where yes/no columns and open cases are concentrated');
    expect(html).toContain('<td>overtime = true</td><td class="n">31.8% (131 of 412)</td><td class="n">10.6%</td>');
    expect(html).toContain('Weekly pattern (η² 0.87): above or below the average: Monday −10%, Tuesday 0%');
    expect(html).toContain('Saturday +20%');
  });

  it('shows a small deduction as the points it is, not as −0', () => {
    stubFetch({});
    const deduction = { dimension: 'completeness', points: 0.0285, rule: '0.057 % of cells are missing' };
    show({ ...fullReport, quality: { ...fullReport.quality, deductions: [deduction] } });

    expect(screen.getByTestId('quality-deductions')).toHaveTextContent('−0.03 for completeness');
  });

  it('names an alert\'s column once when the message starts with it', () => {
    stubFetch({});
    const alert = { kind: 'negatives', severity: 'info', columns: ['amount'], message: 'amount has 3 negative values (0.3 %).', value: 0.003, threshold: 0 };
    show({ ...fullReport, quality: { ...fullReport.quality, alerts: [alert] } });

    expect(screen.getByTestId('quality-alert')).toHaveTextContent(/^info: amount has 3 negative values \(0\.3 %\)\.$/);
  });

  it('says how many values are out of line for their own group when a category explains the measure', () => {
    stubFetch({});
    const [amount] = fullReport.outliers.columns;
    const judged = { ...amount!, count: 37, share: 0.051, within: 'sku', within_count: 0 };
    show({ ...fullReport, outliers: { columns: [judged], notes: [] } });

    expect(within(screen.getByTestId('outliers-table')).getByTestId('judged-within')).toHaveTextContent(
      '0 out of line for their own sku',
    );
    const html = reportToHtml(readReport({ ...fullReport, outliers: { columns: [judged], notes: [] } }), {
      fileName: 'stock.csv',
      jobId: JOB_ID,
      generatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(html).toContain('37 (0 out of line for their own sku)');
  });

  it('says when the values outside the usual range are too many to be outliers', () => {
    stubFetch({});
    const [amount] = fullReport.outliers.columns;
    show({ ...fullReport, outliers: { columns: [{ ...amount!, count: 220, share: 0.22 }], notes: [] } });

    expect(within(screen.getByTestId('outliers-table')).getByTestId('separate-groups')).toHaveTextContent(
      'too many to be outliers: separate groups',
    );
    const html = reportToHtml(readReport({ ...fullReport, outliers: { columns: [{ ...amount!, count: 220, share: 0.22 }], notes: [] } }), {
      fileName: 'credits.csv',
      jobId: JOB_ID,
      generatedAt: new Date('2024-01-01T00:00:00Z'),
    });
    expect(html).toContain('220 (too many to be outliers: separate groups)');
  });

  it('says that amounts with refunds are judged by their size', () => {
    stubFetch({});
    const [amount] = fullReport.outliers.columns;
    const bySize = { ...amount!, scale: 'log_magnitude', lower_fence: 2.5, upper_fence: 4_800, low: 1, high: 11, rows: [{ row: 17, value: -50_000_000, score: -9.1, values: { id: 17 } }] };
    show({ ...fullReport, outliers: { columns: [bySize], notes: [] } });

    expect(within(screen.getByTestId('outliers-table')).getByRole('row', { name: /amount/ })).toHaveTextContent(
      'amountmodified z, log scale of the size12 (1.2%)1 too small, 11 too large2.5 to 4,800in size, either sign-50,000,000 (17)',
    );
  });

  it('says that a profit is judged on a log scale keeping its sign', () => {
    stubFetch({});
    const [amount] = fullReport.outliers.columns;
    const profit = { ...amount!, column: 'Profit', scale: 'signed_log', lower_fence: -419.2, upper_fence: 1_051 };
    show({ ...fullReport, outliers: { columns: [profit], notes: [] } });

    expect(within(screen.getByTestId('outliers-table')).getByRole('row', { name: /Profit/ })).toHaveTextContent(
      'Profitmodified z, log scale keeping the sign',
    );
  });

  it('shows only the sections a 1.0 report has', () => {
    stubFetch({});
    show(insights);

    expect(screen.getByTestId('dataset-summary')).toBeInTheDocument();
    expect(screen.getByTestId('column-profiles')).toBeInTheDocument();
    for (const id of ['report-findings', 'report-kpis', 'report-quality', 'report-relationships', 'report-time-series', 'report-outliers', 'report-segments', 'report-rejects']) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
  });

  it('says which section it cannot read and still renders the others', () => {
    stubFetch({});
    show({ ...fullReport, relationships: 'not an object', outliers: { columns: [{ nonsense: true }] } });

    expect(within(screen.getByTestId('report-relationships')).getByTestId('section-unreadable')).toHaveTextContent('could not be read');
    expect(within(screen.getByTestId('report-outliers')).getByTestId('section-unreadable')).toBeInTheDocument();
    expect(screen.getAllByTestId('key-finding')).toHaveLength(4);
    expect(screen.getByTestId('time-series')).toBeInTheDocument();
  });

  it('shows the sections of a running job as they arrive, without downloads or the row preview', () => {
    const { calls } = stubFetch({});
    show({ rejects: fullReport.rejects }, { partial: true });

    expect(screen.getByTestId('partial-report')).toHaveTextContent('Report sections ready so far');
    expect(screen.getByTestId('rejects-summary')).toBeInTheDocument();
    expect(screen.queryByTestId('report-downloads')).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

describe('DataPreview', () => {
  it('explains that the rows are unavailable when the server answers 404', async () => {
    stubFetch({});
    show(insights);

    expect(await screen.findByTestId('preview-unavailable')).toHaveTextContent('answered 404');
  });

  it('puts only the visible rows of a page in the DOM, numbered as the server numbers them', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ row_number: i + 1, amount: i * 1.5, region: i % 2 ? 'North' : null }));
    stubFetch({ [ROWS]: { body: { columns: [{ name: 'amount', type: 'DOUBLE' }, { name: 'region', type: 'VARCHAR' }], rows, offset: 0, limit: 500, total: 1000 } } });
    show(insights);

    const table = await screen.findByTestId('rows-table');
    const rendered = within(table).getAllByTestId('preview-row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]).toHaveTextContent('10—');
    expect(rendered[1]).toHaveTextContent('21.5North');
    expect(screen.getByTestId('preview-range')).toHaveTextContent('Rows 1–500 of 1,000');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('puts only the columns in sight of a wide file in the DOM, and says how many there are', async () => {
    const names = Array.from({ length: 500 }, (_, i) => `c${i + 1}`);
    const rows = Array.from({ length: 3 }, (_, r) => ({ row_number: r + 1, ...Object.fromEntries(names.map((name, c) => [name, r * 1000 + c])) }));
    stubFetch({ [ROWS]: { body: { columns: names.map((name) => ({ name, type: 'BIGINT' })), rows, offset: 0, limit: 500, total: 3 } } });
    show(insights);

    const table = await screen.findByTestId('rows-table');
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers.slice(0, 3)).toEqual(['Row', 'c1', 'c2']);
    expect(headers.length).toBeLessThan(20);
    expect(table).toHaveAttribute('aria-colcount', '501');
    expect(within(table).getAllByTestId('preview-row')[1]).toHaveTextContent(/^210001001/);
  });
});

describe('reportToHtml', () => {
  it('is one self-contained page with the report escaped', () => {
    const hostile = { ...fullReport, key_findings: [{ sentence: '<script>alert(1)</script> & more', evidence: null }] };
    const html = reportToHtml(readReport(hostile), { fileName: 'sales "2023".csv', jobId: JOB_ID, generatedAt: new Date('2024-01-01T00:00:00Z') });

    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html).toContain('Sygnify report: sales &quot;2023&quot;.csv');
    for (const title of ['Summary', 'Key findings', 'Key figures', 'Column profiles', 'Relationships between columns', 'Over time', 'Outliers', 'Segments and contributors', 'Rows that could not be read']) {
      expect(html).toContain(`<h2>${title}</h2>`);
    }
    expect(html).toContain('aria-label="Pareto curve of amount by region"');
    expect(html).toContain('points="0.0,100.0 200.0,50.0 400.0,20.0 600.0,0.0"');
  });

  it('is offered as a download next to the JSON', async () => {
    stubFetch({});
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:x'), revokeObjectURL: () => {} }));
    show(fullReport);

    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download HTML' }));

    await waitFor(() => expect(created).toHaveLength(2));
    expect(JSON.parse(await readText(created[0]!))).toEqual(fullReport);
    expect(created[1]!.type).toBe('text/html');
  });
});
