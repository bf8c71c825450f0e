import { z } from 'zod';

/*
 * The insights report (docs/insights-schema.json), read leniently: the engine keeps adding sections, so unknown
 * fields pass through, optional parts that do not parse are dropped (`lenient`), and each top-level section is
 * validated on its own (see readSection) so one unreadable section never hides the rest of the report.
 */

/** Optional part: absent, null or unreadable all read as undefined. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

const num = z.number();
const bound = z.union([z.number(), z.string()]).nullable();
const strings = z.array(z.string());

export const histogramSchema = z.looseObject({
  scale: z.string().nullish(),
  edges: z.array(num.nullable()),
  counts: z.array(num.nullable()),
});

export const topValueSchema = z.looseObject({
  value: z.union([z.string(), z.number(), z.boolean()]).nullable().transform((value) => (value === null ? '(missing)' : String(value))),
  count: num,
  share: num.nullish(),
});

export const numericStatsSchema = z.looseObject({
  sum: lenient(num),
  std: lenient(num),
  p5: lenient(num),
  p25: lenient(num),
  p50: lenient(num),
  p75: lenient(num),
  p95: lenient(num),
  iqr: lenient(num),
  mad: lenient(num),
  skewness: lenient(num),
  kurtosis: lenient(num),
  zeros: lenient(num),
  negatives: lenient(num),
  histogram: lenient(histogramSchema),
});

export const categoryStatsSchema = z.looseObject({
  top_values: lenient(z.array(topValueSchema)),
  other_count: lenient(num),
  majority_share: lenient(num),
  imbalance: lenient(num),
});

export const temporalStatsSchema = z.looseObject({
  granularity: lenient(z.string()),
  span_days: lenient(num),
  missing_periods: lenient(num),
  largest_gap_from: lenient(z.string()),
  largest_gap_to: lenient(z.string()),
  ambiguous_day_month: lenient(z.boolean()),
});

export const textStatsSchema = z.looseObject({
  min_length: lenient(num),
  max_length: lenient(num),
  mean_length: lenient(num),
});

export const columnProfileSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  missing_count: num,
  missing_percent: num,
  distinct_count: num,
  min: bound.optional().catch(null),
  max: bound.optional().catch(null),
  mean: num.nullable().optional().catch(null),
  role: lenient(z.string()),
  format: lenient(z.string()),
  type_confidence: lenient(num),
  invalid_count: lenient(num),
  invalid_examples: lenient(strings),
  unique_count: lenient(num),
  numeric: lenient(numericStatsSchema),
  categories: lenient(categoryStatsSchema),
  temporal: lenient(temporalStatsSchema),
  text: lenient(textStatsSchema),
  // Flat spellings some drafts use; the nested ones above win when both are present.
  std: lenient(num),
  histogram: lenient(histogramSchema),
  top_values: lenient(z.array(topValueSchema)),
});

export const datasetSummarySchema = z.looseObject({
  rows: num,
  columns: num,
  file_size_bytes: num,
  delimiter: z.string(),
  quote: z.string().nullable(),
  has_header: z.boolean(),
  encoding: z.string(),
  rows_present: lenient(num),
  rows_rejected: lenient(num),
  missing_cells: lenient(num),
  missing_cells_percent: lenient(num),
  duplicate_rows: lenient(num),
  line_ending: lenient(z.string()),
  preamble_lines: lenient(num),
  memory_bytes: lenient(num),
  candidate_keys: lenient(z.array(strings)),
});

/** The job's analysis result, served by GET /api/jobs/{id}/insights and carried by job_complete. */
export const insightsSchema = z.looseObject({
  schema_version: z.string(),
  dataset: datasetSummarySchema,
  columns: z.array(columnProfileSchema),
  warnings: z.array(z.string()).catch([]).default([]),
});

export type Insights = z.infer<typeof insightsSchema>;

/**
 * A report whose core (dataset, columns) this page can read, kept with the JSON exactly as the server sent it:
 * sections are read from `raw` one by one, and the JSON download is the server's own document.
 */
export const insightsDocumentSchema = z.unknown().transform((raw, context) => {
  const parsed = insightsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return { raw, insights: parsed.data };
});

export type InsightsDocument = z.infer<typeof insightsDocumentSchema>;
export type ColumnProfile = z.infer<typeof columnProfileSchema>;
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;
export type Histogram = z.infer<typeof histogramSchema>;
export type TopValue = z.infer<typeof topValueSchema>;

// ---- sections added by the 2.0 engine (analysis/…/AnalysisReport.java); each is read on its own ------------

const notes = z.array(z.string()).catch([]).default([]);
const nums = z.array(num.nullable());

export const keyFindingSchema = z.looseObject({
  sentence: z.string(),
  kind: lenient(z.string()),
  score: lenient(num),
  impact: lenient(num),
  significance: lenient(num),
  evidence: lenient(
    z.looseObject({
      columns: lenient(strings),
      /** e.g. histogram:<column>, scatter:<x>:<y>, time_series:<measure>, segments:<measure>:<dimension>. */
      chart_key: lenient(z.string()),
      rows: lenient(z.array(num)),
    }),
  ),
});
export const keyFindingsSchema = z.array(keyFindingSchema);
export type KeyFinding = z.infer<typeof keyFindingSchema>;

export const associationPairSchema = z.looseObject({
  method: z.string(),
  a: z.string(),
  b: z.string(),
  value: num,
  p_value: lenient(num),
  n: lenient(num),
  significant: lenient(z.boolean()),
});
export type AssociationPair = z.infer<typeof associationPairSchema>;

export const dependencySchema = z.looseObject({
  kind: z.string(),
  target: z.string(),
  sources: strings.catch([]),
  expression: lenient(z.string()),
  rows_checked: lenient(num),
});

export const dateSpanSchema = z.looseObject({
  from: z.string(),
  to: z.string(),
  unit: z.string(),
  rows: lenient(num),
  median: num,
  p95: lenient(num),
  max: lenient(num),
  max_row: lenient(num),
  reversed: num.catch(0).default(0),
  reversed_rows: z.array(num).catch([]).default([]),
  by: lenient(
    z.looseObject({
      dimension: z.string(),
      eta_squared: lenient(num),
      p_value: lenient(num),
      groups: z.array(z.looseObject({ value: z.string(), rows: lenient(num), mean: num })).catch([]).default([]),
    }),
  ),
});
export type DateSpan = z.infer<typeof dateSpanSchema>;

export const relationshipsSchema = z.looseObject({
  numeric_columns: strings.catch([]).default([]),
  pearson: lenient(z.array(nums)),
  spearman: lenient(z.array(nums)),
  categorical_columns: strings.catch([]).default([]),
  cramers_v: lenient(z.array(nums)),
  strongest_pairs: z.array(associationPairSchema).catch([]).default([]),
  dependencies: z.array(dependencySchema).catch([]).default([]),
  date_spans: z.array(dateSpanSchema).catch([]).default([]),
  alpha: lenient(num),
  sample_rows: lenient(num),
  notes,
});
export type Relationships = z.infer<typeof relationshipsSchema>;

export const outlierRowSchema = z.looseObject({
  row: num,
  value: num.nullable(),
  score: lenient(num),
  values: lenient(z.record(z.string(), z.unknown())),
});

export const columnOutliersSchema = z.looseObject({
  column: z.string(),
  method: lenient(z.string()),
  scale: lenient(z.string()),
  threshold: lenient(num),
  lower_fence: lenient(num),
  upper_fence: lenient(num),
  assessed: lenient(num),
  count: num,
  share: lenient(num),
  low: lenient(num),
  high: lenient(num),
  rows: z.array(outlierRowSchema).catch([]).default([]),
  // since 2.11: the category the values were judged within, and how many are out of line for their own group
  within: lenient(z.string()),
  within_count: lenient(num),
});
export const outliersSchema = z.looseObject({
  columns: z.array(columnOutliersSchema),
  notes,
});
export type ColumnOutliers = z.infer<typeof columnOutliersSchema>;
export type OutliersSection = z.infer<typeof outliersSchema>;

export const seriesSchema = z.looseObject({
  measure: z.string(),
  aggregate: lenient(z.string()),
  values: nums,
  trend: lenient(
    z.looseObject({
      slope_per_period: num,
      total_change: lenient(num),
      relative_change: lenient(num),
      kendall_tau: lenient(num),
      p_value: lenient(num),
      significant: lenient(z.boolean()),
      direction: lenient(z.string()),
      periods: lenient(num),
    }),
  ),
  change_points: lenient(z.array(z.looseObject({ period: z.string(), before: num, after: num, p_value: lenient(num) }))),
  seasonality: lenient(
    z.array(
      z.looseObject({
        kind: z.string(),
        strength: lenient(num),
        p_value: lenient(num),
        significant: lenient(z.boolean()),
        profile: nums,
        level: lenient(num),
      }),
    ),
  ),
  interval_scale: lenient(z.boolean()),
  last_period: lenient(
    z.looseObject({ period: z.string(), value: num, expected: num, robust_z: lenient(num), anomalous: lenient(z.boolean()) }),
  ),
  // since 2.10
  unusual_periods: z
    .array(z.looseObject({ from: z.string(), to: z.string(), periods: num, value: num, expected: num, robust_z: lenient(num), scale: lenient(z.string()) }))
    .catch([])
    .default([]),
  forecast: lenient(
    z.looseObject({
      method: lenient(z.string()),
      periods: strings,
      values: nums,
      lower: nums,
      upper: nums,
    }),
  ),
  notes,
});
export type Series = z.infer<typeof seriesSchema>;

export const timeSeriesSchema = z.looseObject({
  time_column: lenient(z.string()),
  granularity: lenient(z.string()),
  period: lenient(z.string()),
  period_starts: strings.catch([]).default([]),
  first_period_partial: lenient(z.boolean()),
  last_period_partial: lenient(z.boolean()),
  series: z.array(seriesSchema).catch([]).default([]),
  notes,
});
export type TimeSeries = z.infer<typeof timeSeriesSchema>;

export const shareSchema = z.looseObject({
  value: z.union([z.string(), num, z.boolean()]).nullable().transform((value) => (value === null ? '(missing)' : String(value))),
  total: num,
  rows: lenient(num),
  share: lenient(num),
  mean: lenient(num),
});
export type Share = z.infer<typeof shareSchema>;

export const breakdownSchema = z.looseObject({
  measure: z.string(),
  dimension: z.string(),
  total: lenient(num),
  groups: lenient(num),
  top: z.array(shareSchema).catch([]).default([]),
  bottom: z.array(shareSchema).catch([]).default([]),
  top_fifth_share: lenient(num),
  // since 2.4; earlier reports give only the listed largest groups
  pareto: lenient(z.array(z.looseObject({ groups_share: num, total_share: num }))),
  gini: lenient(num),
  eta_squared: lenient(num),
  p_value: lenient(num),
  means_differ: lenient(z.boolean()),
  // since 2.2; earlier reports summed every measure
  additive: lenient(z.boolean()),
});
export const flagRateSchema = z.looseObject({
  flag: z.string(),
  dimension: z.string(),
  value: z.string(),
  rows: num,
  flagged: num,
  rate: num,
  rest_rate: num,
  p_value: lenient(num),
});
export const flagEffectSchema = z.looseObject({
  flag: z.string(),
  value: z.string().catch(''),
  other_value: lenient(z.string()),
  measure: z.string(),
  by: lenient(z.string()),
  rows_with: num,
  rows_without: num,
  difference: num,
  relative: num,
  p_value: lenient(num),
  groups: z.array(z.looseObject({ value: z.string(), rows_with: num, mean_with: num, rows_without: num, mean_without: num })).catch([]),
});
export const segmentsSchema = z.looseObject({
  breakdowns: z.array(breakdownSchema),
  // since 2.6
  flag_rates: lenient(z.array(flagRateSchema)),
  // since 2.10
  flag_effects: z.array(flagEffectSchema).catch([]).default([]),
  notes,
});
export type FlagRate = z.infer<typeof flagRateSchema>;
export type FlagEffect = z.infer<typeof flagEffectSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type SegmentsSection = z.infer<typeof segmentsSchema>;

export const indicatorSchema = z.looseObject({
  name: z.string(),
  value: num.nullable().optional().catch(null),
  unit: lenient(z.string()),
  detail: z.unknown().optional(),
  note: lenient(z.string()),
});
export const kpiDomainSchema = z.looseObject({
  domain: z.string(),
  columns: lenient(z.record(z.string(), z.string())),
  indicators: z.array(indicatorSchema).catch([]).default([]),
});
export const kpisSchema = z.looseObject({
  domains: z.array(kpiDomainSchema),
  notes,
});
export type Indicator = z.infer<typeof indicatorSchema>;
export type KpisSection = z.infer<typeof kpisSchema>;

export const qualityAlertSchema = z.looseObject({
  kind: lenient(z.string()),
  severity: z.string().catch('info'),
  columns: strings.catch([]).default([]),
  message: z.string(),
  value: lenient(num),
  threshold: lenient(num),
});
export const qualitySchema = z.looseObject({
  score: lenient(num),
  deductions: z.array(z.looseObject({ dimension: z.string(), points: num, rule: lenient(z.string()) })).catch([]).default([]),
  alerts: z.array(qualityAlertSchema).catch([]).default([]),
});
export type QualityAlert = z.infer<typeof qualityAlertSchema>;
export type QualitySection = z.infer<typeof qualitySchema>;

export const rejectedRowSchema = z.looseObject({
  line: num,
  kind: lenient(z.string()),
  reason: z.string(),
  raw: lenient(z.string()),
});
export const rejectsSchema = z.looseObject({
  rows_present: num,
  rows_read: num,
  rows_rejected: num,
  footer_rows: z.array(rejectedRowSchema).catch([]).default([]),
  rows: z.array(rejectedRowSchema).catch([]).default([]),
});
export type Rejects = z.infer<typeof rejectsSchema>;
