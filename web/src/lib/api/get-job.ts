import { queryOptions } from '@tanstack/react-query';
import { getJson } from './http';
import { jobSchema, type Job } from './job';
import { jobKeys } from './query-keys';

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return getJson(`/api/jobs/${encodeURIComponent(id)}`, jobSchema, signal);
}

export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: ({ signal }) => getJob(id, signal),
  });
}
