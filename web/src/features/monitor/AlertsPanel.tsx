import { useQuery } from '@tanstack/react-query';
import { systemAlertsQueryOptions, type Alert } from '../../lib/api/system-alerts';
import { errorMessage } from '../../lib/api/problem';
import { formatClock, formatNumber } from '../../lib/format';

const STYLE: Record<string, string> = {
  critical: 'border-rose-300 bg-rose-50 text-rose-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
};

function AlertItem({ alert }: { alert: Alert }) {
  return (
    <li data-testid="system-alert" data-rule={alert.rule} className={`rounded-md border px-3 py-2 text-sm ${STYLE[alert.severity] ?? 'border-slate-200 bg-slate-50 text-slate-800'}`}>
      <p>
        <span className="font-semibold capitalize">{alert.severity}</span> · {alert.message}
      </p>
      <p className="text-xs">
        {alert.rule.replace(/_/g, ' ')}
        {alert.value !== null && alert.value !== undefined && ` · measured ${formatNumber(alert.value)}`}
        {alert.threshold !== null && alert.threshold !== undefined && ` (threshold ${formatNumber(alert.threshold)})`} · since {formatClock(alert.raised_at)}
      </p>
    </li>
  );
}

export function AlertsPanel() {
  const alerts = useQuery(systemAlertsQueryOptions());
  return (
    <section aria-labelledby="alerts-heading" className="card" data-testid="alerts-panel">
      <h2 id="alerts-heading" className="text-lg font-semibold text-slate-900">
        Alerts
      </h2>
      <div className="mt-2">
        {alerts.isPending ? (
          <p role="status" className="text-sm text-slate-600">Loading alerts…</p>
        ) : alerts.isError ? (
          <p role="alert" className="text-sm text-rose-800">Alerts could not be loaded: {errorMessage(alerts.error)}</p>
        ) : alerts.data.active.length === 0 ? (
          <p data-testid="no-alerts" className="text-sm text-emerald-800">No active alerts.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {alerts.data.active.map((alert) => (
              <AlertItem key={`${alert.rule}-${alert.raised_at}`} alert={alert} />
            ))}
          </ul>
        )}
        {alerts.data && alerts.data.history.length > 0 && (
          <p className="mt-2 text-xs text-slate-600">
            {alerts.data.history.length} earlier alert(s), the last cleared at{' '}
            {formatClock(Math.max(...alerts.data.history.map((alert) => alert.cleared_at ?? alert.raised_at)))}.
          </p>
        )}
      </div>
    </section>
  );
}
