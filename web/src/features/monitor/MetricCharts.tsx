import { LineChart, type LineSeries } from '../../components/charts/LineChart';
import type { SystemSnapshot } from '../../lib/api/system-metrics';
import { formatBytes, formatClock, formatInteger, formatNumber, formatPercent } from '../../lib/format';

/** −1 is the server's "not measurable here": a gap in the chart and "unavailable" in words, never 0. */
export function measured(value: number): number | null {
  return value < 0 ? null : value;
}

const UNAVAILABLE = 'unavailable';

function show(value: number, format: (v: number) => string): string {
  const known = measured(value);
  return known === null ? UNAVAILABLE : format(known);
}

const percentOf = (ratio: number) => formatPercent(ratio * 100);
const perSecond = (v: number) => `${formatNumber(Math.round(v * 10) / 10)}/s`;

interface Figure {
  id: string;
  label: string;
  text: string;
}

interface MetricCardProps {
  id: string;
  title: string;
  figures: Figure[];
  series: LineSeries[];
  formatY: (v: number) => string;
  yMax?: number;
}

function MetricCard({ id, title, figures, series, formatY, yMax }: MetricCardProps) {
  return (
    <article data-testid="metric-card" data-metric={id} aria-labelledby={`metric-${id}-heading`} className="card flex flex-col gap-3 p-4">
      <div>
        <h3 id={`metric-${id}-heading`} className="text-sm font-semibold text-slate-700">
          {title}
        </h3>
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {figures.map((figure) => (
            <div key={figure.id} className="flex items-baseline gap-1.5">
              <dt className="text-xs text-slate-600">{figure.label}</dt>
              <dd data-testid={`metric-${figure.id}`} className={`text-lg font-bold tabular-nums ${figure.text === UNAVAILABLE ? 'text-sm font-medium text-slate-500 italic' : 'text-slate-900'}`}>
                {figure.text}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <LineChart label={`${title} over the last ${series[0]?.points.length ?? 0} samples`} series={series} formatY={formatY} formatX={formatClock} yMax={yMax} height={110} />
    </article>
  );
}

function line(id: string, label: string, stroke: string, swatch: string, metrics: SystemSnapshot[], pick: (s: SystemSnapshot) => number, dashed = false): LineSeries {
  return { id, label, stroke, swatch, dashed, points: metrics.map((s) => ({ x: s.timestamp, y: measured(pick(s)) })) };
}

/** Live charts of the server's own measurements, one sample per second, the last few minutes. */
export function MetricCharts({ metrics }: { metrics: SystemSnapshot[] }) {
  const latest = metrics.at(-1);
  if (!latest) {
    return (
      <p role="status" className="card text-slate-600">
        Waiting for the first sample from the server…
      </p>
    );
  }
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="metric-charts" data-samples={metrics.length}>
      <MetricCard
        id="cpu"
        title="CPU"
        yMax={100}
        formatY={(v) => `${Math.round(v)}%`}
        figures={[
          { id: 'process_cpu', label: 'Process', text: show(latest.process_cpu, percentOf) },
          { id: 'system_cpu', label: 'System', text: show(latest.system_cpu, percentOf) },
        ]}
        series={[
          line('process', 'Process', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => (s.process_cpu < 0 ? -1 : s.process_cpu * 100)),
          line('system', 'System', 'stroke-slate-500', 'bg-slate-500', metrics, (s) => (s.system_cpu < 0 ? -1 : s.system_cpu * 100), true),
        ]}
      />
      <MetricCard
        id="memory"
        title="Memory"
        formatY={formatBytes}
        figures={[
          { id: 'heap_used_bytes', label: 'Heap', text: `${show(latest.heap_used_bytes, formatBytes)} of ${show(latest.heap_max_bytes, formatBytes)}` },
          { id: 'rss_bytes', label: 'RSS', text: show(latest.rss_bytes, formatBytes) },
        ]}
        series={[
          line('heap', 'Heap used', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => s.heap_used_bytes),
          line('rss', 'Resident (RSS)', 'stroke-emerald-600', 'bg-emerald-600', metrics, (s) => s.rss_bytes),
        ]}
      />
      <MetricCard
        id="requests"
        title="HTTP requests"
        formatY={(v) => formatNumber(Math.round(v * 10) / 10)}
        figures={[{ id: 'request_rate', label: 'Rate', text: show(latest.request_rate, perSecond) }]}
        series={[line('requests', 'Requests per second', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => s.request_rate)]}
      />
      <MetricCard
        id="websocket"
        title="WebSocket connections"
        formatY={formatNumber}
        figures={[{ id: 'ws_connections', label: 'Open', text: show(latest.ws_connections, formatInteger) }]}
        series={[line('ws', 'Open connections', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => s.ws_connections)]}
      />
      <MetricCard
        id="messages"
        title="Messages sent"
        formatY={(v) => formatNumber(Math.round(v * 10) / 10)}
        figures={[{ id: 'messages_sent_rate', label: 'Rate', text: show(latest.messages_sent_rate, perSecond) }]}
        series={[line('messages', 'Frames per second', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => s.messages_sent_rate)]}
      />
      <MetricCard
        id="jobs"
        title="Jobs"
        formatY={formatNumber}
        figures={[
          { id: 'active_jobs', label: 'Running', text: show(latest.active_jobs, formatInteger) },
          { id: 'queued_jobs', label: 'Queued', text: show(latest.queued_jobs, formatInteger) },
        ]}
        series={[
          line('active', 'Running', 'stroke-indigo-600', 'bg-indigo-600', metrics, (s) => s.active_jobs),
          line('queued', 'Queued', 'stroke-amber-600', 'bg-amber-600', metrics, (s) => s.queued_jobs, true),
        ]}
      />
    </div>
  );
}
