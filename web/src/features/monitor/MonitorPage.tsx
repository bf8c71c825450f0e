import { errorMessage } from '../../lib/api/problem';
import { formatBytes } from '../../lib/format';
import { useConnectionStatus } from '../../lib/realtime/use-connection-status';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActiveJobs } from './ActiveJobs';
import { ActivityFeed } from './ActivityFeed';
import { AlertsPanel } from './AlertsPanel';
import { HealthPanel } from './HealthPanel';
import { InstancesPanel } from './InstancesPanel';
import { MetricCharts, measured } from './MetricCharts';
import { useMonitor } from './use-monitor';

/** The Real-Time Monitor: health, the cluster's instances, live server figures, running jobs, activity and alerts. */
export default function MonitorPage() {
  useDocumentTitle('Real-Time Monitor');
  const { state, activitySeed, metricsSeed } = useMonitor();
  const connection = useConnectionStatus();
  const latest = state.metrics.at(-1);
  const storage = latest ? measured(latest.storage_free_bytes) : null;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Real-Time Monitor</h1>
          <p className="mt-1 text-slate-600">Measured by the server, streamed every second.</p>
        </div>
        <p className="text-sm text-slate-700" data-testid="storage-free">
          Free storage: <span className="font-semibold">{latest ? (storage === null ? 'unavailable' : formatBytes(storage)) : '…'}</span>
        </p>
      </header>
      {connection.state !== 'connected' && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The live connection is down: figures below stop at the last sample received and resume when it reconnects.
        </p>
      )}
      {metricsSeed.isError && (
        <p role="status" className="text-sm text-amber-800">Earlier samples could not be loaded ({errorMessage(metricsSeed.error)}); the charts start now.</p>
      )}
      <HealthPanel />
      <InstancesPanel live={latest} />
      <section aria-labelledby="metrics-heading" className="flex flex-col gap-3">
        <h2 id="metrics-heading" className="text-lg font-semibold text-slate-900">
          Server
        </h2>
        <MetricCharts metrics={state.metrics} />
      </section>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <AlertsPanel />
          <ActiveJobs jobs={state.jobs} snapshotReceived={state.snapshotReceived} />
        </div>
        <ActivityFeed activity={state.activity} loadError={activitySeed.isError ? errorMessage(activitySeed.error) : null} />
      </div>
    </div>
  );
}
