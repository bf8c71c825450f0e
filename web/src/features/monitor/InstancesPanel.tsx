import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../components/states';
import { errorMessage } from '../../lib/api/problem';
import { INSTANCES_POLL_MS, systemInstancesQueryOptions, type ClusterInstance, type ClusterTotals } from '../../lib/api/system-instances';
import type { SystemSnapshot } from '../../lib/api/system-metrics';
import { EMPTY, formatBytes, formatDateTime, formatInteger, formatPercent } from '../../lib/format';
import { withLiveSample } from './live-instance';

const STATUS_STYLE: Record<string, string> = {
  UP: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  DOWN: 'bg-rose-50 text-rose-800 ring-rose-300',
  LOST: 'bg-rose-50 text-rose-800 ring-rose-300',
  OUT_OF_SERVICE: 'bg-rose-50 text-rose-800 ring-rose-300',
  STARTING: 'bg-amber-50 text-amber-900 ring-amber-300',
  DRAINING: 'bg-amber-50 text-amber-900 ring-amber-300',
  DEGRADED: 'bg-amber-50 text-amber-900 ring-amber-300',
};
const UNKNOWN_STYLE = 'bg-slate-100 text-slate-800 ring-slate-300';

type Figure = number | null | undefined;

const isKnown = (value: Figure): value is number => value !== null && value !== undefined;

/** A figure the instance did not report reads as a dash, with "unknown" for screen readers. */
function Unknown() {
  return (
    <>
      <span aria-hidden="true">{EMPTY}</span>
      <span className="sr-only">unknown</span>
    </>
  );
}

function show(value: Figure, format: (v: number) => string = formatInteger) {
  return isKnown(value) ? format(value) : <Unknown />;
}

function heap(instance: ClusterInstance) {
  const { heap_used_bytes: used, heap_max_bytes: max } = instance;
  if (!isKnown(used) && !isKnown(max)) return <Unknown />;
  return (
    <>
      {show(used, formatBytes)} / {show(max, formatBytes)}
    </>
  );
}

function lastSeen(iso: string | null | undefined) {
  if (!iso) return <Unknown />;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

const CELL = 'px-3 py-2 whitespace-nowrap tabular-nums';

function InstanceRow({ instance }: { instance: ClusterInstance }) {
  const status = instance.status ?? 'UNKNOWN';
  return (
    <tr data-testid="cluster-instance" data-instance={instance.instance_id} data-status={status}>
      <th scope="row" className="px-3 py-2 text-left font-medium break-all text-slate-900">
        {instance.instance_id}
        {instance.self && (
          <span data-testid="self-badge" className="ml-2 rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-indigo-800 ring-1 ring-indigo-300 ring-inset">
            this instance
          </span>
        )}
      </th>
      <td className={CELL}>
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[status] ?? UNKNOWN_STYLE}`}>{status}</span>
      </td>
      <td className={`${CELL} text-right`} data-testid="instance-cpu">
        {show(instance.cpu, (share) => formatPercent(share * 100))}
      </td>
      <td className={`${CELL} text-right`} data-testid="instance-heap">
        {heap(instance)}
      </td>
      <td className={`${CELL} text-right`} data-testid="instance-connections">
        {show(instance.connections)}
      </td>
      <td className={`${CELL} text-right`} data-testid="instance-jobs">
        {show(instance.running_jobs)} / {show(instance.workers)}
      </td>
      <td className={`${CELL} text-right`} data-testid="instance-queue">
        {show(instance.queue_depth)}
      </td>
      <td className={`${CELL} text-slate-700`}>{lastSeen(instance.last_seen)}</td>
    </tr>
  );
}

function Totals({ totals, instances }: { totals: ClusterTotals | null | undefined; instances: ClusterInstance[] }) {
  const items = [
    { id: 'instances', label: 'Instances', value: show(totals?.instances ?? instances.length) },
    { id: 'connections', label: 'Connections', value: show(totals?.connections) },
    {
      id: 'jobs',
      label: 'Running jobs / workers',
      value: (
        <>
          {show(totals?.running_jobs)} / {show(totals?.workers)}
        </>
      ),
    },
  ];
  return (
    <dl data-testid="cluster-totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {items.map((item) => (
        <div key={item.id} className="rounded-lg border border-slate-200 px-3 py-2">
          <dt className="text-xs text-slate-600">{item.label}</dt>
          <dd data-testid={`total-${item.id}`} className="text-lg font-bold text-slate-900 tabular-nums">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The server instances behind this address and their load, polled every 2 s. One row when not clustered, kept in
 * step with the live sample (`live`) that the charts show.
 */
export function InstancesPanel({ live }: { live?: SystemSnapshot | undefined }) {
  const query = useQuery(systemInstancesQueryOptions());
  const data = query.data && withLiveSample(query.data, live);
  const clustered = (data?.instances.length ?? 0) > 1;
  return (
    <section aria-labelledby="instances-heading" className="card" data-testid="instances-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="instances-heading" className="text-lg font-semibold text-slate-900">
          Instances
        </h2>
        <p className="text-xs text-slate-600">every {INSTANCES_POLL_MS / 1000} s</p>
      </div>
      {clustered && (
        // Without sticky sessions each poll may reach another instance; the live charts below come from whichever
        // instance holds this page's WebSocket, which need not be the one that answered.
        <p className="mt-1 text-sm text-slate-600">“This instance” is the one that answered the latest poll; behind a load balancer it can change from poll to poll.</p>
      )}
      <div className="mt-3 flex flex-col gap-3">
        {!data ? (
          query.isError ? (
            <ErrorState title="Instances could not be loaded" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
          ) : (
            <LoadingState>Loading instances…</LoadingState>
          )
        ) : (
          <>
            {query.isError && <p role="status" className="text-sm text-amber-800">The last poll failed ({errorMessage(query.error)}); showing the one before.</p>}
            <Totals totals={data.totals} instances={data.instances} />
            <div className="overflow-x-auto" tabIndex={0} aria-label="Instances table, scrollable">
              <table data-testid="instance-list" className="min-w-full text-sm">
                <caption className="sr-only">Server instances</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Instance</th>
                    <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Status</th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">CPU</th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">Heap used / max</th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">Connections</th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">Running jobs / workers</th>
                    <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">Queue</th>
                    <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Last seen</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.instances.map((instance) => (
                    <InstanceRow key={instance.instance_id} instance={instance} />
                  ))}
                </tbody>
              </table>
            </div>
            {data.instances.length === 0 && <p className="text-sm text-slate-600">No instance has reported yet.</p>}
          </>
        )}
      </div>
    </section>
  );
}
