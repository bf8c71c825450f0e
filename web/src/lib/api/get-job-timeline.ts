import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';
import { jobKeys } from './query-keys';

const stageSchema = z.looseObject({
  stage: z.string(),
  started_at: z.string(),
  messages: z.array(z.string()).catch([]),
});

export const stageTimelineSchema = z.looseObject({ stages: z.array(stageSchema) });
export type StageTimeline = z.infer<typeof stageTimelineSchema>;

/** The stages a job went through, from its event log (for a job opened after it ran). */
export function getJobTimeline(id: string, signal?: AbortSignal): Promise<StageTimeline> {
  return getJson(`/api/jobs/${encodeURIComponent(id)}/timeline`, stageTimelineSchema, signal);
}

export function jobTimelineQueryOptions(id: string, enabled: boolean) {
  return queryOptions({
    queryKey: jobKeys.timeline(id),
    queryFn: ({ signal }) => getJobTimeline(id, signal),
    enabled,
    // a finished job's history does not change
    staleTime: Infinity,
  });
}
