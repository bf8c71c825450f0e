import { queryOptions } from '@tanstack/react-query';
import { getJson } from './http';
import { insightsDocumentSchema, type InsightsDocument } from './insights';
import { jobKeys } from './query-keys';

/** Answers 409 (problem details) while the job is still running; ask only once it is insights_ready. */
export function getJobInsights(id: string, signal?: AbortSignal): Promise<InsightsDocument> {
  return getJson(`/api/jobs/${encodeURIComponent(id)}/insights`, insightsDocumentSchema, signal);
}

export function jobInsightsQueryOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.insights(id),
    queryFn: ({ signal }) => getJobInsights(id, signal),
    // A finished job's insights never change.
    staleTime: Infinity,
  });
}
