import { Link } from 'react-router';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatBytes } from '../../../lib/format';
import { useJobEvents } from '../../../lib/realtime/use-job-events';
import { JobStatusChip } from '../JobStatusChip';
import type { UploadItem } from './use-uploads';

function percent(loaded: number, total: number | null): number | null {
  return total ? (loaded / total) * 100 : null;
}

/** The accepted file's job, live, so several uploads can be followed from here. */
function AcceptedJobStatus({ jobId }: { jobId: string }) {
  const live = useJobEvents(jobId);
  return <JobStatusChip status={live.stage ?? 'queued'} progress={live.progress} />;
}

function UploadRow({ item, onCancel }: { item: UploadItem; onCancel: (key: string) => void }) {
  const { state } = item;
  return (
    <li data-testid="upload-item" data-phase={state.phase} className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="min-w-0 truncate font-medium text-slate-900" title={item.fileName}>
          {item.fileName}
        </span>
        <span className="text-sm text-slate-600">{formatBytes(item.sizeBytes)}</span>
      </div>

      {state.phase === 'uploading' && (
        <div className="flex items-center gap-3">
          <ProgressBar
            value={percent(state.progress.loaded, state.progress.total)}
            label={`Uploading ${item.fileName}`}
            testId="upload-progress"
          />
          <span className="w-36 shrink-0 text-right text-sm tabular-nums text-slate-600">
            {state.progress.total !== null && state.progress.loaded >= state.progress.total
              ? 'Waiting for server…'
              : `${formatBytes(state.progress.loaded)} sent`}
          </span>
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Cancel upload of ${item.fileName}`}
            onClick={() => onCancel(item.key)}
          >
            Cancel
          </button>
        </div>
      )}

      {state.phase === 'accepted' && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <AcceptedJobStatus jobId={state.jobId} />
          <p className="text-sm text-emerald-800">
            Accepted.{' '}
            <Link className="link" to={`/jobs/${state.jobId}`} aria-label={`Follow the analysis of ${item.fileName}`}>
              Follow the analysis
            </Link>
          </p>
        </div>
      )}

      {state.phase === 'failed' && (
        <p role="alert" data-testid="upload-error" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {state.message}
        </p>
      )}

      {state.phase === 'cancelled' && <p className="text-sm text-slate-600">Upload cancelled.</p>}
    </li>
  );
}

export function UploadQueue({
  items,
  onCancel,
  onClear,
}: {
  items: UploadItem[];
  onCancel: (key: string) => void;
  onClear: () => void;
}) {
  if (items.length === 0) return null;
  const finished = items.some((item) => item.state.phase !== 'uploading');
  return (
    <section aria-labelledby="uploads-heading" className="card">
      <div className="flex items-center justify-between gap-4">
        <h2 id="uploads-heading" className="text-lg font-semibold text-slate-900">
          Uploads
        </h2>
        {finished && (
          <button type="button" className="btn-secondary" onClick={onClear}>
            Clear finished
          </button>
        )}
      </div>
      <ul className="mt-2 divide-y divide-slate-200" data-testid="upload-list">
        {items.map((item) => (
          <UploadRow key={item.key} item={item} onCancel={onCancel} />
        ))}
      </ul>
    </section>
  );
}
