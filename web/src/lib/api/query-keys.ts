import type { JobStatus } from './job';

export interface JobListParams {
  page: number;
  size: number;
  status?: JobStatus | undefined;
}

/** One place for the jobs cache keys, so live events can update or invalidate exactly what they change. */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => ['jobs', 'list'] as const,
  list: (params: JobListParams) => ['jobs', 'list', params] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  insights: (id: string) => ['jobs', 'insights', id] as const,
  timeline: (id: string) => ['jobs', 'timeline', id] as const,
  rows: (id: string, offset: number, limit: number) => ['jobs', 'rows', id, offset, limit] as const,
  shares: (id: string) => ['jobs', 'shares', id] as const,
};
