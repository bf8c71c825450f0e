import type { JobStatus } from '../../lib/api/job';
import { STATUS_LABELS } from './status-labels';

const STYLES: Record<JobStatus, string> = {
  queued: 'bg-slate-100 text-slate-800 ring-slate-300',
  parsing: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
  profiling: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
  analyzing: 'bg-indigo-50 text-indigo-800 ring-indigo-200',
  insights_ready: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  error: 'bg-rose-50 text-rose-800 ring-rose-200',
  cancelled: 'bg-amber-50 text-amber-900 ring-amber-200',
};

export function JobStatusChip({ status, progress }: { status: JobStatus; progress?: number | null }) {
  const running = status === 'parsing' || status === 'profiling' || status === 'analyzing';
  return (
    <span
      data-testid="job-status"
      data-status={status}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {running && <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />}
      {STATUS_LABELS[status]}
      {running && progress !== null && progress !== undefined && (
        <span className="tabular-nums">
          {' '}
          {Math.round(progress)}%
        </span>
      )}
    </span>
  );
}
