import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { isTerminal, type Job } from '../../../lib/api/job';
import { jobKeys } from '../../../lib/api/query-keys';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { useJobEvents } from '../../../lib/realtime/use-job-events';
import { JobStatusChip } from '../JobStatusChip';

/** One job; while it runs, its chip follows live events and the list refreshes when it ends. */
export function JobRow({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const running = !isTerminal(job.status);
  const live = useJobEvents(job.id, { enabled: running });
  const liveStage = running ? live.stage : null;

  useEffect(() => {
    if (liveStage !== null && isTerminal(liveStage)) void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
  }, [liveStage, queryClient]);

  return (
    <tr data-testid="job-row" data-job-id={job.id} className="hover:bg-slate-50">
      <th scope="row" className="max-w-72 px-3 py-2.5 text-left font-medium">
        <Link to={`/jobs/${job.id}`} className="link block truncate" title={job.file_name}>
          {job.file_name}
        </Link>
        {job.access === 'shared' && (
          <span data-testid="shared-tag" className="mt-0.5 inline-block rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-normal text-indigo-800 ring-1 ring-indigo-200 ring-inset">
            {job.owner ? `shared by ${job.owner}` : 'shared with you'}
          </span>
        )}
      </th>
      <td className="px-3 py-2.5">
        <JobStatusChip status={liveStage ?? job.status} progress={liveStage ? live.progress : job.progress} />
      </td>
      <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums text-slate-700">{formatBytes(job.size_bytes)}</td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatDateTime(job.created_at)}</td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{formatDateTime(job.finished_at)}</td>
    </tr>
  );
}
