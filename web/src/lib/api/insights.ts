import { z } from 'zod';

const bound = z.union([z.number(), z.string()]).nullable();

export const columnProfileSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  missing_count: z.number(),
  missing_percent: z.number(),
  distinct_count: z.number(),
  min: bound.optional(),
  max: bound.optional(),
  mean: z.number().nullable().optional(),
});

export const datasetSummarySchema = z.looseObject({
  rows: z.number(),
  columns: z.number(),
  file_size_bytes: z.number(),
  delimiter: z.string(),
  quote: z.string().nullable(),
  has_header: z.boolean(),
  encoding: z.string(),
});

/** The job's analysis result, served by GET /api/jobs/{id}/insights and carried by job_complete. */
export const insightsSchema = z.looseObject({
  schema_version: z.string(),
  dataset: datasetSummarySchema,
  columns: z.array(columnProfileSchema),
  warnings: z.array(z.string()).default([]),
});

export type Insights = z.infer<typeof insightsSchema>;
export type ColumnProfile = z.infer<typeof columnProfileSchema>;
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;
