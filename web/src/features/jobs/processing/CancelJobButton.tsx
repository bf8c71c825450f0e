import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelJob } from '../../../lib/api/cancel-job';
import { isTerminal, type Job, type JobStatus } from '../../../lib/api/job';
import { ApiError, errorMessage } from '../../../lib/api/problem';
import { jobKeys } from '../../../lib/api/query-keys';

/**
 * Stops the job. The server answers at once but the job stops when its worker notices, so after the request is
 * accepted the button says "Cancelling…" until the cancelled event arrives (the page then shows it).
 */
export function CancelJobButton({ jobId, fileName, status }: { jobId: string; fileName: string; status: JobStatus }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelJob(jobId),
    onSuccess: (job) => queryClient.setQueryData<Job>(jobKeys.detail(jobId), job),
    onError: (error) => {
      // Already ended: the cached job is stale, the server knows how it ended.
      if (error instanceof ApiError && error.code === 'job_finished') {
        void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
      }
    },
  });
  const terminal = isTerminal(status);
  const requested = cancel.isPending || (cancel.isSuccess && !terminal);
  const alreadyEnded = cancel.error instanceof ApiError && cancel.error.code === 'job_finished';

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="cancel-job"
        className="btn-secondary"
        disabled={terminal || requested}
        aria-label={`Cancel the analysis of ${fileName}`}
        onClick={() => cancel.mutate()}
      >
        {requested ? 'Cancelling…' : 'Cancel'}
      </button>
      {cancel.isError && (
        <p role="alert" data-testid="cancel-error" className="text-sm text-rose-800">
          {alreadyEnded ? 'The job had already ended.' : `Could not cancel: ${errorMessage(cancel.error)}`}
        </p>
      )}
    </div>
  );
}
