import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson } from './http';

/** A figure the instance could not measure comes as null (or is missing); shown as unknown, never as 0. */
const figure = z.number().nullish();

/** One server instance of the cluster, as it last reported itself (docs/cluster.md). */
export const clusterInstanceSchema = z.looseObject({
  instance_id: z.string(),
  /** The instance that answered this request. */
  self: z.boolean().nullish(),
  /** UP, or another state the server names (e.g. DOWN, DRAINING); shown as sent. */
  status: z.string().nullish(),
  started_at: z.string().nullish(),
  last_seen: z.string().nullish(),
  /** Process CPU as a share of the machine, 0–1. */
  cpu: figure,
  heap_used_bytes: figure,
  heap_max_bytes: figure,
  connections: figure,
  running_jobs: figure,
  workers: figure,
  queue_depth: figure,
});

export const clusterTotalsSchema = z.looseObject({
  instances: figure,
  connections: figure,
  running_jobs: figure,
  workers: figure,
});

export const systemInstancesSchema = z.looseObject({
  instances: z.array(clusterInstanceSchema),
  totals: clusterTotalsSchema.nullish(),
});

export type ClusterInstance = z.infer<typeof clusterInstanceSchema>;
export type ClusterTotals = z.infer<typeof clusterTotalsSchema>;
export type SystemInstances = z.infer<typeof systemInstancesSchema>;

export const INSTANCES_POLL_MS = 2_000;

/** Every instance of the cluster; a single server lists exactly one, itself. ADMIN only. */
export function getSystemInstances(signal?: AbortSignal): Promise<SystemInstances> {
  return getJson('/api/system/instances', systemInstancesSchema, signal);
}

export function systemInstancesQueryOptions() {
  return queryOptions({
    queryKey: ['system', 'instances'] as const,
    queryFn: ({ signal }) => getSystemInstances(signal),
    refetchInterval: INSTANCES_POLL_MS,
    staleTime: 0,
  });
}
