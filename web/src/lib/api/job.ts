import { z } from 'zod';

export const JOB_STATUSES = [
  'queued',
  'parsing',
  'profiling',
  'analyzing',
  'insights_ready',
  'error',
  'cancelled',
] as const;

export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** The stages a successful job walks through, in order. */
export const PIPELINE_STAGES = ['queued', 'parsing', 'profiling', 'analyzing', 'insights_ready'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

const TERMINAL: ReadonlySet<JobStatus> = new Set(['insights_ready', 'error', 'cancelled']);

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.has(status);
}

export function isPipelineStage(status: JobStatus): status is PipelineStage {
  return (PIPELINE_STAGES as readonly string[]).includes(status);
}

const timestamp = z.string().nullable();

export const jobSchema = z.looseObject({
  id: z.string(),
  file_name: z.string(),
  size_bytes: z.number(),
  status: jobStatusSchema,
  stage: jobStatusSchema.nullable(),
  progress: z.number().nullable(),
  message: z.string().nullable(),
  created_at: z.string(),
  started_at: timestamp,
  finished_at: timestamp,
  error: z.string().nullable(),
  /** Stable reason of a failure (header_only, malformed_row, cancelled …), when the server sends it. */
  error_code: z.string().nullish(),
  /** docs/security.md: `owner` or `shared` (read-only). Absent from older servers. */
  access: z.string().nullish(),
  /** User name of the owner. */
  owner: z.string().nullish(),
});

export type Job = z.infer<typeof jobSchema>;
