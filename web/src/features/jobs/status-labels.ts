import type { JobStatus } from '../../lib/api/job';

export const STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  parsing: 'Parsing',
  profiling: 'Profiling',
  analyzing: 'Analyzing',
  insights_ready: 'Insights ready',
  error: 'Failed',
  cancelled: 'Cancelled',
};
