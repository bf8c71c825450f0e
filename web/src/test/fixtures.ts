import type { Insights } from '../lib/api/insights';
import type { Job } from '../lib/api/job';
import type { CurrentUser } from '../lib/api/session';

/** Who GET /api/auth/me says is signed in, unless a test answers it itself (test/fetch-stub.ts). */
export const signedInUser: CurrentUser = { id: '1', username: 'ada', role: 'ADMIN' };

export function user(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return { ...signedInUser, ...overrides };
}

export const JOB_ID = '0b8f6c1e-5d7a-4f3e-9a21-6c0d2e4b7a10';

export function job(overrides: Partial<Job> = {}): Job {
  return {
    id: JOB_ID,
    file_name: 'sales.csv',
    size_bytes: 12_345,
    status: 'parsing',
    stage: 'parsing',
    progress: 5,
    message: 'Reading rows',
    created_at: '2024-01-01T10:00:00Z',
    started_at: '2024-01-01T10:00:02Z',
    finished_at: null,
    error: null,
    ...overrides,
  };
}

export const insights: Insights = {
  schema_version: '1.0',
  dataset: {
    rows: 1000,
    columns: 3,
    file_size_bytes: 12_345,
    delimiter: ',',
    quote: '"',
    has_header: true,
    encoding: 'UTF-8',
  },
  columns: [
    { name: 'amount', type: 'decimal', missing_count: 3, missing_percent: 0.3, distinct_count: 950, min: 1.5, max: 999, mean: 120.7 },
    { name: 'sold_on', type: 'date', missing_count: 0, missing_percent: 0, distinct_count: 365, min: '2023-01-01', max: '2023-12-31', mean: null },
    { name: 'note', type: 'text', missing_count: 1000, missing_percent: 100, distinct_count: 0, min: null, max: null, mean: null },
  ],
  warnings: ['Column "note" is empty.'],
};

/** A 2.0 report with every section the page knows, in the shapes the engine is expected to send. */
export const fullReport = {
  schema_version: '2.0',
  dataset: {
    ...insights.dataset,
    rows_present: 1002,
    rows_rejected: 2,
    missing_cells: 1003,
    missing_cells_percent: 33.4,
    duplicate_rows: 4,
    brand_new_field: { anything: true },
  },
  columns: [
    {
      ...insights.columns[0],
      role: 'measure',
      numeric: {
        std: 80.25,
        p5: 3,
        p25: 40,
        p50: 100,
        p75: 180,
        p95: 600,
        skewness: 1.8,
        histogram: { scale: 'linear', edges: [0, 250, 500, 750, 1000], counts: [700, 200, 60, 37] },
      },
    },
    {
      name: 'region',
      type: 'text',
      missing_count: 0,
      missing_percent: 0,
      distinct_count: 3,
      min: null,
      max: null,
      mean: null,
      role: 'category',
      categories: {
        top_values: [
          { value: 'North', count: 500, share: 0.5 },
          { value: 'South', count: 300, share: 0.3 },
          { value: 'East', count: 200, share: 0.2 },
        ],
        other_count: 0,
      },
    },
    insights.columns[1],
  ],
  warnings: ['Column "note" is empty.'],
  key_findings: [
    {
      sentence: 'North brings half of the amount.',
      kind: 'segment_concentration',
      score: 0.7,
      impact: 0.7,
      significance: 1,
      evidence: { columns: ['region', 'amount'], chart_key: 'segments:amount:region', rows: [] },
    },
    {
      sentence: 'Amount grows 12% over the year.',
      kind: 'trend',
      score: 0.9,
      evidence: { columns: ['amount', 'sold_on'], chart_key: 'time_series:amount', rows: [] },
    },
    { sentence: 'Amount is right-skewed.', kind: 'distribution', score: 0.2, evidence: { columns: ['amount'], chart_key: 'histogram:amount', rows: [] } },
    { sentence: 'Amount and quantity move together.', kind: 'correlation', score: 0.1, evidence: { columns: ['amount', 'quantity'], chart_key: 'scatter:amount:quantity', rows: [] } },
  ],
  kpis: {
    domains: [
      {
        domain: 'transactions',
        columns: { amount: 'total' },
        indicators: [
          { name: 'total_amount', value: 120_700, unit: 'currency', detail: null, note: 'Sum of amount.' },
          { name: 'refund_rate', value: 0.375, unit: 'ratio', detail: null, note: 'Share of negative amounts.' },
          { name: 'benford_digits', value: null, unit: null, detail: { 1: 0.3 }, note: 'See the digit table.' },
        ],
      },
    ],
    notes: [],
  },
  quality: {
    score: 72,
    deductions: [{ dimension: 'completeness', points: 20, rule: '1 point per % of missing cells' }],
    alerts: [
      { kind: 'missing', severity: 'warning', columns: ['note'], message: 'Column note is entirely empty.', value: 100, threshold: 50 },
      { kind: 'duplicates', severity: 'critical', columns: [], message: '4 rows are exact duplicates.', value: 4, threshold: 0 },
    ],
  },
  relationships: {
    numeric_columns: ['amount', 'quantity', 'discount'],
    pearson: [
      [1, 0.82, -0.41],
      [0.82, 1, null],
      [-0.41, null, 1],
    ],
    spearman: null,
    categorical_columns: [],
    cramers_v: [],
    strongest_pairs: [
      { method: 'pearson', a: 'amount', b: 'quantity', value: 0.82, p_value: 1e-20, n: 1000, significant: true },
      { method: 'pearson', a: 'amount', b: 'discount', value: -0.41, p_value: 1e-5, n: 990, significant: true },
    ],
    dependencies: [{ kind: 'product', target: 'amount', sources: ['price', 'quantity'], expression: 'amount = price × quantity', rows_checked: 1000 }],
    alpha: 0.05,
    sample_rows: 1000,
    notes: [],
  },
  time_series: {
    time_column: 'sold_on',
    other_time_columns: [],
    granularity: 'day',
    period: 'month',
    period_starts: ['2023-01', '2023-02', '2023-03'],
    first_period_partial: false,
    last_period_partial: false,
    series: [
      {
        measure: 'amount',
        aggregate: 'sum',
        values: [100, 110, 125],
        trend: { slope_per_period: 12.5, total_change: 25, relative_change: 0.12, kendall_tau: 1, p_value: 0.01, significant: true, direction: 'up', periods: 3 },
        changes: [],
        seasonality: [],
        change_points: [],
        last_period: null,
        forecast: { method: 'theil_sen_trend', periods: ['2023-04', '2023-05'], values: [132, 140], lower: [120, 122], upper: [144, 158] },
        notes: [],
      },
    ],
    notes: [],
  },
  outliers: {
    columns: [
      {
        column: 'amount',
        method: 'modified_z',
        scale: 'linear',
        threshold: 3.5,
        lower_fence: -170,
        upper_fence: 390,
        assessed: 997,
        count: 12,
        share: 0.012,
        low: 0,
        high: 12,
        rows: [
          { row: 17, value: 999, score: 8.1, values: { id: 17 } },
          { row: 230, value: 870.5, score: 7.2, values: { id: 230 } },
        ],
      },
    ],
    notes: [],
  },
  segments: {
    breakdowns: [
      {
        measure: 'amount',
        dimension: 'region',
        total: 120_700,
        groups: 3,
        top: [
          { value: 'North', total: 60_350, rows: 500, share: 0.5, mean: 120.7 },
          { value: 'South', total: 36_210, rows: 300, share: 0.3, mean: 120.7 },
        ],
        bottom: [{ value: 'East', total: 24_140, rows: 200, share: 0.2, mean: 120.7 }],
        top_fifth_share: 0.5,
        pareto: [
          { groups_share: 1 / 3, total_share: 0.5 },
          { groups_share: 2 / 3, total_share: 0.8 },
          { groups_share: 1, total_share: 1 },
        ],
        gini: 0.2,
        eta_squared: null,
        p_value: null,
        means_differ: false,
      },
    ],
    notes: [],
  },
  rejects: {
    rows_present: 1002,
    rows_read: 1000,
    rows_rejected: 2,
    footer_rows: [],
    rows: [
      { line: 5, kind: 'too_many_fields', reason: 'has 4 fields, expected 3', raw: '1,2,3,4' },
      { line: 9, kind: 'unterminated_quote', reason: 'quote not closed', raw: '"oops,1,2' },
    ],
  },
  a_section_from_the_future: { whatever: [1, 2, 3] },
};
