import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';

/** One entry of the server's activity log; the same fields arrive live as `activity` messages. */
export const activityEntrySchema = z.looseObject({
  id: z.number(),
  timestamp: z.number(),
  kind: z.string(),
  severity: z.string(),
  message: z.string(),
  job_id: z.string().nullish(),
});

export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityPageSchema = z.looseObject({
  items: z.array(activityEntrySchema),
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
});

export function listActivity(size: number, signal?: AbortSignal) {
  return getJson(`/api/activity?page=0&size=${size}`, activityPageSchema, signal);
}

/** The newest entries, read once to seed the live feed. */
export function recentActivityQueryOptions(size: number) {
  return queryOptions({
    queryKey: ['system', 'activity', size] as const,
    queryFn: ({ signal }) => listActivity(size, signal),
    staleTime: Infinity,
    gcTime: 0,
  });
}
