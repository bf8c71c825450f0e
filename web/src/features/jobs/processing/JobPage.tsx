import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ProgressBar } from '../../../components/ProgressBar';
import { ErrorState, LoadingState } from '../../../components/states';
import { jobTimelineQueryOptions } from '../../../lib/api/get-job-timeline';
import { isTerminal, type Job } from '../../../lib/api/job';
import { ApiError, errorMessage } from '../../../lib/api/problem';
import { formatBytes, formatDateTime } from '../../../lib/format';
import type { JobLiveState } from '../../../lib/realtime/job-live-state';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { JobReport, PartialReport } from '../../report/JobReport';
import { AlsoWatching } from '../../sharing/AlsoWatching';
import { ShareButton } from '../../sharing/ShareButton';
import { JobStatusChip } from '../JobStatusChip';
import { STATUS_LABELS } from '../status-labels';
import { CancelJobButton } from './CancelJobButton';
import { DeleteJobButton } from './DeleteJobButton';
import { estimateEta, formatEta } from './eta';
import { JobCancelledPanel, JobErrorPanel } from './JobOutcomePanels';
import { StageTimeline } from './StageTimeline';
import { buildTimeline, stageHistory } from './timeline';
import { useLiveJob, type JobView } from './use-live-job';

const TONE = { insights_ready: 'success', error: 'danger', cancelled: 'muted' } as const;

function TimeLeft({ live }: { live: JobLiveState }) {
  const eta = useMemo(() => estimateEta(live.samples), [live.samples]);
  if (!eta) {
    return (
      <p data-testid="eta" data-state="measuring" className="text-sm text-slate-600">
        Time left: measuring the pace…
      </p>
    );
  }
  return (
    <p
      data-testid="eta"
      data-state="estimated"
      data-seconds={Math.round(eta.remainingSeconds)}
      className="text-sm text-slate-700"
      title={`Measured from the server's progress events: ${eta.ratePerSecond.toFixed(2)} % per second`}
    >
      Time left: <span className="font-medium tabular-nums">{formatEta(eta.remainingSeconds)}</span>
    </p>
  );
}

function JobProgress({ job, view, live }: { job: Job; view: JobView; live: JobLiveState }) {
  // Whoever opens a job after it ran saw none of its events: the event log tells the stages instead.
  const finishedBeforeWeWatched = isTerminal(job.status) && live.seq === null;
  const { data: logged } = useQuery(jobTimelineQueryOptions(job.id, finishedBeforeWeWatched));
  const history = useMemo(() => stageHistory(logged), [logged]);
  const timeline = useMemo(() => buildTimeline(view.status, job, live, history), [view.status, job, live, history]);
  const running = !isTerminal(view.status);
  const tone = view.status in TONE ? TONE[view.status as keyof typeof TONE] : 'active';
  return (
    <section aria-labelledby="progress-heading" className="card">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="progress-heading" className="text-lg font-semibold text-slate-900">
          Progress
        </h2>
        <span className="text-sm tabular-nums text-slate-700">
          {view.progress === null ? '' : `${Math.round(view.progress)}%`}
        </span>
      </div>
      <div className="mt-3">
        <ProgressBar value={view.progress} label="Analysis progress" testId="progress-bar" tone={tone} />
      </div>
      <p data-testid="stage-message" className="mt-3 min-h-6 break-words text-slate-800">
        {view.message ?? STATUS_LABELS[view.status]}
      </p>
      {running && view.status !== 'queued' && <TimeLeft live={live} />}
      {/* Announce stage changes, not every message: a busy stage would flood a screen reader. */}
      <p className="sr-only" aria-live="polite">
        Stage: {STATUS_LABELS[view.status]}
      </p>
      {live.error?.source === 'protocol' && (
        <p role="status" className="mt-2 text-sm text-amber-800">
          Live updates for this job are unavailable: {live.error.message}
        </p>
      )}
      <div className="mt-6">
        <StageTimeline items={timeline} />
      </div>
    </section>
  );
}

function JobHeader({ job, view }: { job: Job; view: JobView }) {
  // Older servers send no `access`: the reader then owns every job they see.
  const shared = job.access === 'shared';
  return (
    <header className="flex flex-col gap-2">
      <p className="text-sm">
        <Link to="/jobs" className="link">
          ← All jobs
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-bold tracking-tight break-all text-slate-900">{job.file_name}</h1>
        <JobStatusChip status={view.status} />
        {!shared && (
          <div className="ml-auto flex flex-wrap items-start gap-2">
            {job.access === 'owner' && <ShareButton jobId={job.id} fileName={job.file_name} />}
            {/* Running, it can be stopped; ended, deleted. */}
            {isTerminal(view.status) ? (
              <DeleteJobButton jobId={job.id} fileName={job.file_name} />
            ) : (
              <CancelJobButton jobId={job.id} fileName={job.file_name} status={view.status} />
            )}
          </div>
        )}
      </div>
      {shared && (
        <p data-testid="shared-by" className="text-sm font-medium text-indigo-800">
          {job.owner ? `Shared with you by ${job.owner}` : 'Shared with you'}
        </p>
      )}
      <p className="text-sm text-slate-600">
        {formatBytes(job.size_bytes)} · uploaded {formatDateTime(job.created_at)}
        {job.finished_at && <> · finished {formatDateTime(job.finished_at)}</>}
      </p>
      <AlsoWatching jobId={job.id} />
    </header>
  );
}

function LoadedJob({ jobId, job, view, live }: { jobId: string; job: Job; view: JobView; live: JobLiveState }) {
  useDocumentTitle(`${job.file_name} (${STATUS_LABELS[view.status]})`);
  return (
    <div className="flex flex-col gap-6">
      {live.revoked && (
        <p role="alert" data-testid="job-access-revoked" className="rounded-lg border border-rose-200 bg-rose-50 p-4 font-semibold text-rose-900">
          {live.deleted ? 'This job was deleted by its owner.' : 'Your access to this job was revoked.'}
        </p>
      )}
      <JobHeader job={job} view={view} />
      <JobProgress job={job} view={view} live={live} />
      {view.status === 'error' && <JobErrorPanel message={view.failure} code={view.failureCode} />}
      {view.status === 'cancelled' && <JobCancelledPanel message={view.message} />}
      {view.status === 'insights_ready' && (
        <JobReport jobId={jobId} fileName={job.file_name} liveInsights={live.completed ? live.insights : undefined} />
      )}
      {!isTerminal(view.status) && Object.keys(live.sections).length > 0 && (
        <PartialReport jobId={jobId} fileName={job.file_name} sections={live.sections} />
      )}
    </div>
  );
}

function JobPageFor({ jobId }: { jobId: string }) {
  const { jobQuery, job, view, live } = useLiveJob(jobId);
  if (jobQuery.isPending) return <LoadingState>Loading job…</LoadingState>;
  if (jobQuery.isError || !job || !view) {
    const error = jobQuery.error;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <ErrorState
        testId="job-load-error"
        title={notFound ? 'Job not found' : 'The job could not be loaded'}
        message={notFound ? `There is no job with id ${jobId}.` : errorMessage(error)}
        onRetry={notFound ? undefined : () => void jobQuery.refetch()}
      >
        <Link to="/" className="link">
          Upload a file
        </Link>
      </ErrorState>
    );
  }
  return <LoadedJob jobId={jobId} job={job} view={view} live={live} />;
}

export function JobPage() {
  const { id } = useParams();
  if (!id) return <ErrorState title="No job selected" message="The address does not name a job." />;
  // Keyed so moving between jobs starts from a clean slate.
  return <JobPageFor key={id} jobId={id} />;
}
