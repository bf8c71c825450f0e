import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';
import { jobSchema } from './job';
import { jobKeys, type JobListParams } from './query-keys';

export const jobPageSchema = z.looseObject({
  items: z.array(jobSchema),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
});

export type JobPage = z.infer<typeof jobPageSchema>;

export function listJobs(params: JobListParams, signal?: AbortSignal): Promise<JobPage> {
  const query = new URLSearchParams({ page: String(params.page), size: String(params.size) });
  if (params.status) query.set('status', params.status);
  return getJson(`/api/jobs?${query.toString()}`, jobPageSchema, signal);
}

export function jobListQueryOptions(params: JobListParams) {
  return queryOptions({
    queryKey: jobKeys.list(params),
    queryFn: ({ signal }) => listJobs(params, signal),
    placeholderData: keepPreviousData,
  });
}
