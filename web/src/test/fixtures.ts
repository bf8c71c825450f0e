import type { Insights } from '../lib/api/insights';
import type { Job } from '../lib/api/job';

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
