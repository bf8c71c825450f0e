import { postJson } from './http';
import { jobSchema, type Job } from './job';

/**
 * Asks the server to stop a job. Answers 202 with the job as it is now: a running job usually still shows its
 * stage, and its `job_error` (stage `cancelled`) follows on the live connection. 409 `job_finished` when it had
 * already ended.
 */
export function cancelJob(id: string): Promise<Job> {
  return postJson(`/api/jobs/${encodeURIComponent(id)}/cancel`, jobSchema);
}
