import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/states';
import { JOB_STATUSES, jobStatusSchema } from '../../../lib/api/job';
import { jobListQueryOptions } from '../../../lib/api/list-jobs';
import { errorMessage } from '../../../lib/api/problem';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { STATUS_LABELS } from '../status-labels';
import { JobRow } from './JobRow';
import { Pagination } from './Pagination';

const PAGE_SIZE = 20;

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function JobsPage() {
  useDocumentTitle('Jobs');
  const filterId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = readPage(searchParams.get('page'));
  const parsedStatus = jobStatusSchema.safeParse(searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : undefined;

  const jobs = useQuery(jobListQueryOptions({ page: page - 1, size: PAGE_SIZE, status }));

  const go = (next: { page?: number; status?: string }) => {
    const params = new URLSearchParams();
    const nextStatus = next.status ?? status ?? '';
    if (nextStatus) params.set('status', nextStatus);
    const nextPage = next.page ?? page;
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearchParams(params);
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Jobs</h1>
          <p className="mt-1 text-slate-600">Newest first. Running jobs update live.</p>
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={filterId} className="text-sm font-medium text-slate-700">
            Status
          </label>
          <select
            id={filterId}
            value={status ?? ''}
            onChange={(event) => go({ status: event.target.value, page: 1 })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <option value="">All</option>
            {JOB_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </header>

      {jobs.isPending ? (
        <LoadingState>Loading jobs…</LoadingState>
      ) : jobs.isError ? (
        <ErrorState
          testId="jobs-error"
          title="The job list could not be loaded"
          message={errorMessage(jobs.error)}
          onRetry={() => void jobs.refetch()}
        />
      ) : jobs.data.items.length === 0 ? (
        <div className="card text-center text-slate-700" data-testid="jobs-empty">
          {status ? `No jobs with status “${STATUS_LABELS[status]}”.` : 'No jobs yet.'}{' '}
          <Link to="/" className="link">
            Upload a CSV file
          </Link>
        </div>
      ) : (
        <section className="card flex flex-col gap-4 overflow-hidden p-0" aria-label="Job list">
          <div className="overflow-x-auto" tabIndex={0} aria-label="Jobs table, scrollable">
            <table data-testid="job-list" className="min-w-full text-sm" aria-busy={jobs.isFetching}>
              <thead className="border-b border-slate-200 bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold text-slate-700">File</th>
                  <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Status</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">Size</th>
                  <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Uploaded</th>
                  <th scope="col" className="px-3 py-2 font-semibold text-slate-700">Finished</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {jobs.data.items.map((job) => (
                  <JobRow key={job.id} job={job} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="px-4 pb-4">
            <Pagination page={page} size={PAGE_SIZE} total={jobs.data.total} onPage={(next) => go({ page: next })} />
          </div>
        </section>
      )}
    </div>
  );
}
