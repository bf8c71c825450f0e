import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';

export const alertSchema = z.looseObject({
  rule: z.string(),
  severity: z.string(),
  message: z.string(),
  value: z.number().nullish(),
  threshold: z.number().nullish(),
  raised_at: z.number(),
  cleared_at: z.number().nullish(),
});

export const systemAlertsSchema = z.looseObject({
  active: z.array(alertSchema).default([]),
  history: z.array(alertSchema).default([]),
});

export type Alert = z.infer<typeof alertSchema>;
export type SystemAlerts = z.infer<typeof systemAlertsSchema>;

export function getSystemAlerts(signal?: AbortSignal): Promise<SystemAlerts> {
  return getJson('/api/system/alerts', systemAlertsSchema, signal);
}

export const systemAlertsKey = ['system', 'alerts'] as const;

/** Polled, and refetched at once when the activity feed says an alert was raised or cleared. */
export function systemAlertsQueryOptions() {
  return queryOptions({
    queryKey: systemAlertsKey,
    queryFn: ({ signal }) => getSystemAlerts(signal),
    refetchInterval: 30_000,
    staleTime: 0,
  });
}
