import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getJob } from '../../lib/api/get-job';
import { recentActivityQueryOptions } from '../../lib/api/list-activity';
import { systemAlertsKey } from '../../lib/api/system-alerts';
import { systemMetricsQueryOptions } from '../../lib/api/system-metrics';
import { useRealtimeClient } from '../../lib/realtime/context';
import { MAX_ACTIVITY, MonitorStore, type MonitorStoreOptions } from './monitor-store';

/**
 * The monitor's live state: seeded from REST (metric history, recent activity), then kept current by the system
 * stream. The store lives as long as the page.
 */
export function useMonitor(options: MonitorStoreOptions = {}) {
  const client = useRealtimeClient();
  const queryClient = useQueryClient();
  const [store] = useState(() => new MonitorStore(client, { loadJob: (id) => getJob(id), ...options }));
  const metricsSeed = useQuery(systemMetricsQueryOptions());
  const activitySeed = useQuery(recentActivityQueryOptions(MAX_ACTIVITY));

  useEffect(() => store.start(), [store]);
  useEffect(() => {
    if (metricsSeed.data) store.seedMetrics([...metricsSeed.data.history, metricsSeed.data.current]);
  }, [store, metricsSeed.data]);
  useEffect(() => {
    if (activitySeed.data) store.seedActivity(activitySeed.data.items);
  }, [store, activitySeed.data]);

  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);

  // An alert raised or cleared shows up in the feed first; the alert list follows at once, not at its next poll.
  const newest = state.activity[0];
  const alertChange = newest && newest.kind.startsWith('alert_') ? newest.id : null;
  useEffect(() => {
    if (alertChange !== null) void queryClient.invalidateQueries({ queryKey: systemAlertsKey });
  }, [alertChange, queryClient]);

  return { state, metricsSeed, activitySeed };
}
