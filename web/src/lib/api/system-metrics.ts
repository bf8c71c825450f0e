import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';

/** One sample of the server. −1 means "not measurable here" and is shown as unavailable, never as 0. */
export const systemSnapshotSchema = z.looseObject({
  timestamp: z.number(),
  process_cpu: z.number(),
  system_cpu: z.number(),
  heap_used_bytes: z.number(),
  heap_max_bytes: z.number(),
  rss_bytes: z.number(),
  request_rate: z.number(),
  ws_connections: z.number(),
  messages_sent_rate: z.number(),
  active_jobs: z.number(),
  queued_jobs: z.number(),
  storage_free_bytes: z.number(),
});

export type SystemSnapshot = z.infer<typeof systemSnapshotSchema>;

export const systemMetricsSchema = z.looseObject({
  current: systemSnapshotSchema,
  history: z.array(systemSnapshotSchema).default([]),
});

export type SystemMetrics = z.infer<typeof systemMetricsSchema>;

export function getSystemMetrics(signal?: AbortSignal): Promise<SystemMetrics> {
  return getJson('/api/system/metrics?history=true', systemMetricsSchema, signal);
}

/** Read once to seed the charts; the live stream takes over from there. */
export function systemMetricsQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'metrics'] as const,
    queryFn: ({ signal }) => getSystemMetrics(signal),
    staleTime: Infinity,
    gcTime: 0,
  });
}
