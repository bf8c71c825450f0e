import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../components/states';
import { HEALTH_POLL_MS, systemHealthQueryOptions, type HealthComponent } from '../../lib/api/system-health';
import { errorMessage } from '../../lib/api/problem';
import { formatBytes, formatClock, formatNumber } from '../../lib/format';

const STATUS_STYLE: Record<string, string> = {
  UP: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  DOWN: 'bg-rose-50 text-rose-800 ring-rose-300',
  OUT_OF_SERVICE: 'bg-rose-50 text-rose-800 ring-rose-300',
  DEGRADED: 'bg-amber-50 text-amber-900 ring-amber-300',
};
const UNKNOWN_STYLE = 'bg-slate-100 text-slate-800 ring-slate-300';

function detailText(key: string, value: unknown): string {
  if (typeof value === 'number') return key.endsWith('_bytes') ? formatBytes(value) : formatNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function ComponentCard({ component }: { component: HealthComponent }) {
  const details = Object.entries(component.details ?? {}).slice(0, 4);
  return (
    <li data-testid="health-component" data-name={component.name} data-status={component.status} className="flex flex-col gap-1 rounded-lg border border-slate-200 p-3">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-slate-900 capitalize">{component.name}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[component.status] ?? UNKNOWN_STYLE}`}>
          {component.status}
        </span>
      </div>
      <p className="text-xs tabular-nums text-slate-600">
        Check took {component.latency_ms === null || component.latency_ms === undefined ? 'an unknown time' : `${formatNumber(component.latency_ms)} ms`}
      </p>
      {details.length > 0 && (
        <dl className="text-xs text-slate-700">
          {details.map(([key, value]) => (
            <div key={key} className="flex gap-1">
              <dt className="text-slate-600">{key.replace(/_/g, ' ')}:</dt>
              <dd className="truncate" title={detailText(key, value)}>
                {detailText(key, value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/** Every component's health, checked by the server every time it is asked (here every 10 s). */
export function HealthPanel() {
  const health = useQuery(systemHealthQueryOptions());
  return (
    <section aria-labelledby="health-heading" className="card" data-testid="health-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="health-heading" className="text-lg font-semibold text-slate-900">
          Health
          {health.data && (
            <span data-testid="overall-health" className={`ml-3 rounded-full px-2 py-0.5 align-middle text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[health.data.status] ?? UNKNOWN_STYLE}`}>
              {health.data.status}
            </span>
          )}
        </h2>
        <p className="text-xs text-slate-600">
          {health.data?.checked_at ? `Checked at ${formatClock(health.data.checked_at)}, ` : ''}every {HEALTH_POLL_MS / 1000} s
        </p>
      </div>
      <div className="mt-3">
        {health.isPending ? (
          <LoadingState>Checking…</LoadingState>
        ) : health.isError && !health.data ? (
          <ErrorState title="Health could not be checked" message={errorMessage(health.error)} onRetry={() => void health.refetch()} />
        ) : (
          <>
            {health.isError && <p role="status" className="mb-2 text-sm text-amber-800">The last check failed ({errorMessage(health.error)}); showing the one before.</p>}
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {health.data.components.map((component) => (
                <ComponentCard key={component.name} component={component} />
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
