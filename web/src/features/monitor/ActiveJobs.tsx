import { Link } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { isTerminal } from '../../lib/api/job';
import { JobStatusChip } from '../jobs/JobStatusChip';
import type { MonitorJob } from './monitor-store';

function JobItem({ job }: { job: MonitorJob }) {
  const name = job.fileName ?? `Job ${job.id.slice(0, 8)}`;
  const terminal = isTerminal(job.status);
  return (
    <li data-testid="monitor-job" data-job-id={job.id} data-status={job.status} className="flex flex-col gap-1.5 py-2.5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link to={`/jobs/${job.id}`} className="link min-w-0 truncate" title={name}>
          {name}
        </Link>
        <JobStatusChip status={job.status} progress={job.progress} />
      </div>
      {!terminal && (
        <ProgressBar value={job.progress} label={`Progress of ${name}`} tone={job.status === 'queued' ? 'muted' : 'active'} />
      )}
      {job.message && <p className="truncate text-xs text-slate-600" title={job.message}>{job.message}</p>}
      {!terminal && !job.live && <p className="text-xs text-amber-800">Not followed live (too many jobs); the next snapshot updates it.</p>}
    </li>
  );
}

export function ActiveJobs({ jobs, snapshotReceived }: { jobs: MonitorJob[]; snapshotReceived: boolean }) {
  const running = jobs.filter((job) => !isTerminal(job.status));
  const finished = jobs.filter((job) => isTerminal(job.status));
  return (
    <section aria-labelledby="active-jobs-heading" className="card" data-testid="active-jobs">
      <h2 id="active-jobs-heading" className="text-lg font-semibold text-slate-900">
        Active jobs <span className="text-sm font-normal text-slate-600">({running.length})</span>
      </h2>
      {!snapshotReceived && running.length === 0 ? (
        <p role="status" className="mt-2 text-sm text-slate-600">Waiting for the server's list of jobs…</p>
      ) : running.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No job is running or queued.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {running.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
      {finished.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">Just finished</h3>
          <ul className="divide-y divide-slate-100">
            {finished.map((job) => (
              <JobItem key={job.id} job={job} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
