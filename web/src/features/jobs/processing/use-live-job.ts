import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { jobQueryOptions } from '../../../lib/api/get-job';
import { isTerminal, type Job, type JobStatus } from '../../../lib/api/job';
import { jobKeys } from '../../../lib/api/query-keys';
import type { JobLiveState } from '../../../lib/realtime/job-live-state';
import { useJobEvents } from '../../../lib/realtime/use-job-events';

export interface JobView {
  status: JobStatus;
  progress: number | null;
  message: string | null;
  /** Why the job failed, from job_error or the job's `error` field. */
  failure: string | null;
  /** The failure's stable code (header_only, malformed_row …), when known. */
  failureCode: string | null;
}

/**
 * The job from REST, then kept current by live events. Events also update the cached job, so other
 * screens read the same state; the insights of job_complete go to the report (JobReport) directly.
 */
export function useLiveJob(jobId: string) {
  const queryClient = useQueryClient();
  const jobQuery = useQuery(jobQueryOptions(jobId));
  const job = jobQuery.data;
  // Once an event said the job is over, stay unsubscribed even if a refetch races behind it.
  const [finishedLive, setFinishedLive] = useState(false);
  const live = useJobEvents(jobId, {
    enabled: job !== undefined && !isTerminal(job.status) && !finishedLive,
    replay: true,
  });

  useEffect(() => {
    const stage = live.stage;
    if (live.seq === null || stage === null) return;
    queryClient.setQueryData<Job>(jobKeys.detail(jobId), (old) =>
      old && {
        ...old,
        status: stage,
        stage,
        progress: live.progress ?? old.progress,
        message: live.message ?? old.message,
        error: stage === 'error' ? (live.error?.message ?? old.error) : old.error,
        error_code: isTerminal(stage) && stage !== 'insights_ready' ? (live.error?.code ?? old.error_code) : old.error_code,
      },
    );
    if (isTerminal(stage)) {
      setFinishedLive(true);
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
    }
  }, [live, jobId, queryClient]);

  // The job left the reader's list along with their access.
  useEffect(() => {
    if (live.revoked) void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
  }, [live.revoked, queryClient]);

  return { jobQuery, job, live, view: job ? viewOf(job, live) : undefined };
}

export function viewOf(job: Job, live: JobLiveState): JobView {
  // A terminal answer wins from either side; otherwise the newest live event does.
  const useLive = live.stage !== null && (isTerminal(live.stage) || !isTerminal(job.status));
  const status = useLive && live.stage !== null ? live.stage : job.status;
  const failure =
    status === 'error' ? (live.stage === 'error' ? live.error?.message : null) ?? job.error ?? job.message : null;
  const failureCode =
    status === 'error' ? ((live.stage === 'error' ? live.error?.code : null) ?? job.error_code ?? null) : null;
  return {
    status,
    progress: useLive ? live.progress : job.progress,
    message: useLive ? live.message : job.message,
    failure,
    failureCode,
  };
}
