import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';

export const healthComponentSchema = z.looseObject({
  name: z.string(),
  status: z.string(),
  latency_ms: z.number().nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
});

export const systemHealthSchema = z.looseObject({
  status: z.string(),
  components: z.array(healthComponentSchema),
  checked_at: z.number().nullish(),
});

export type HealthComponent = z.infer<typeof healthComponentSchema>;
export type SystemHealth = z.infer<typeof systemHealthSchema>;

export const HEALTH_POLL_MS = 10_000;

/** 503 means some component is down; its body still says which, so it is an answer, not an error. */
export function getSystemHealth(signal?: AbortSignal): Promise<SystemHealth> {
  return getJson('/api/system/health', systemHealthSchema, signal, { acceptStatuses: [503] });
}

export function systemHealthQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'health'] as const,
    queryFn: ({ signal }) => getSystemHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: 0,
  });
}
