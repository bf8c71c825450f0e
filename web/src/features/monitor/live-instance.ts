import type { SystemInstances } from '../../lib/api/system-instances';
import type { SystemSnapshot } from '../../lib/api/system-metrics';
import { measured } from './MetricCharts';

/**
 * On a single node the instance row and the live charts measure the same server, but the row is polled every 2 s
 * and the charts stream every second, so side by side they could disagree ("0 connections" next to "2 open").
 * The row then takes the newest streamed sample when it is newer than the poll. In a cluster the poll may be
 * answered by another instance than the one streaming to this page: nothing is mixed there.
 */
export function withLiveSample(polled: SystemInstances, live: SystemSnapshot | undefined): SystemInstances {
  const self = polled.instances.length === 1 ? polled.instances[0] : undefined;
  if (!live || !self?.self) return polled;
  const sampledAt = live.timestamp * 1000;
  if (self.last_seen && Date.parse(self.last_seen) >= sampledAt) return polled;
  const instance = {
    ...self,
    cpu: measured(live.process_cpu),
    heap_used_bytes: measured(live.heap_used_bytes),
    heap_max_bytes: measured(live.heap_max_bytes),
    connections: live.ws_connections,
    running_jobs: live.active_jobs,
    queue_depth: live.queued_jobs,
    last_seen: new Date(sampledAt).toISOString(),
  };
  const totals = polled.totals && { ...polled.totals, connections: live.ws_connections, running_jobs: live.active_jobs };
  return { ...polled, instances: [instance], totals };
}
