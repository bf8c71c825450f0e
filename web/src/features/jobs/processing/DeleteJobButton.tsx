import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteJob } from '../../../lib/api/delete-job';
import { errorMessage } from '../../../lib/api/problem';
import { jobKeys } from '../../../lib/api/query-keys';

/**
 * Deletes a finished job after the owner confirms: nothing of it can be brought back, so the first click only
 * asks. Then back to the job list, which no longer shows it.
 */
export function DeleteJobButton({ jobId, fileName }: { jobId: string; fileName: string }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => deleteJob(jobId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: jobKeys.detail(jobId) });
      queryClient.removeQueries({ queryKey: jobKeys.insights(jobId) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      void navigate('/jobs');
    },
  });

  if (!confirming) {
    return (
      <button type="button" data-testid="delete-job" className="btn-secondary" aria-label={`Delete ${fileName}`} onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Delete ${fileName}?`} className="flex flex-wrap items-center gap-2 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2">
      <p className="text-sm text-rose-900">Delete this job, its report, parsed rows and uploaded file? This cannot be undone.</p>
      <button type="button" data-testid="confirm-delete" className="btn-primary bg-rose-700 hover:bg-rose-800" disabled={remove.isPending} onClick={() => remove.mutate()}>
        {remove.isPending ? 'Deleting…' : 'Delete for good'}
      </button>
      <button type="button" className="btn-secondary" disabled={remove.isPending} onClick={() => setConfirming(false)}>
        Keep it
      </button>
      {remove.isError && (
        <p role="alert" data-testid="delete-error" className="w-full text-sm text-rose-800">
          Could not delete: {errorMessage(remove.error)}
        </p>
      )}
    </div>
  );
}
