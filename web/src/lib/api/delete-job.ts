import { deleteRequest } from './http';

/**
 * Deletes a finished job with its report, parsed rows and uploaded file (204). 409 `job_running` while it runs
 * (cancel it first), 403 `read_only` for a job shared with the reader.
 */
export function deleteJob(id: string): Promise<void> {
  return deleteRequest(`/api/jobs/${encodeURIComponent(id)}`);
}
