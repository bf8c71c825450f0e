import { z } from 'zod';
import {
  columnProfileSchema,
  datasetSummarySchema,
  keyFindingsSchema,
  kpisSchema,
  outliersSchema,
  qualitySchema,
  rejectsSchema,
  relationshipsSchema,
  segmentsSchema,
  timeSeriesSchema,
} from '../../lib/api/insights';
import { describeIssues } from '../../lib/api/problem';

/** A report section as found in the JSON: not there (not computed, or not yet arrived), readable, or not. */
export type Section<T> = { state: 'absent' } | { state: 'ok'; data: T } | { state: 'invalid'; issue: string };

function readSection<T extends z.ZodType>(raw: Record<string, unknown>, key: string, schema: T): Section<z.infer<T>> {
  const value = raw[key];
  if (value === undefined || value === null) return { state: 'absent' };
  const parsed = schema.safeParse(value);
  return parsed.success ? { state: 'ok', data: parsed.data } : { state: 'invalid', issue: describeIssues(parsed.error) };
}

const SECTIONS = {
  dataset: datasetSummarySchema,
  columns: z.array(columnProfileSchema),
  key_findings: keyFindingsSchema,
  kpis: kpisSchema,
  quality: qualitySchema,
  relationships: relationshipsSchema,
  time_series: timeSeriesSchema,
  outliers: outliersSchema,
  segments: segmentsSchema,
  rejects: rejectsSchema,
};

export type ReportModel = { [K in keyof typeof SECTIONS]: Section<z.infer<(typeof SECTIONS)[K]>> } & {
  schemaVersion: string | null;
  warnings: string[];
};

/** Reads every known section of a report (or of the partial sections of a running job) independently. */
export function readReport(raw: unknown): ReportModel {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const warnings = z.array(z.string()).safeParse(object.warnings);
  const version = object.schema_version;
  return {
    schemaVersion: typeof version === 'string' ? version : null,
    warnings: warnings.success ? warnings.data : [],
    dataset: readSection(object, 'dataset', SECTIONS.dataset),
    columns: readSection(object, 'columns', SECTIONS.columns),
    key_findings: readSection(object, 'key_findings', SECTIONS.key_findings),
    kpis: readSection(object, 'kpis', SECTIONS.kpis),
    quality: readSection(object, 'quality', SECTIONS.quality),
    relationships: readSection(object, 'relationships', SECTIONS.relationships),
    time_series: readSection(object, 'time_series', SECTIONS.time_series),
    outliers: readSection(object, 'outliers', SECTIONS.outliers),
    segments: readSection(object, 'segments', SECTIONS.segments),
    rejects: readSection(object, 'rejects', SECTIONS.rejects),
  };
}

/**
 * A file with more columns shows only the column profiles and cards near the screen (a 500-column report would
 * otherwise put some 60,000 elements in the page); fewer are shown whole, so find-in-page and printing see them all.
 */
export const WINDOW_ABOVE_COLUMNS = 50;

/** Anchor ids of the report's sections, so findings can link to their evidence. */
export const SECTION_IDS = {
  summary: 'report-summary',
  findings: 'report-findings',
  kpis: 'report-kpis',
  quality: 'report-quality',
  columns: 'report-columns',
  relationships: 'report-relationships',
  time_series: 'report-time-series',
  outliers: 'report-outliers',
  segments: 'report-segments',
  rejects: 'report-rejects',
  preview: 'report-preview',
} as const;

function slug(...parts: string[]): string {
  return parts.map((part) => part.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed').join('--');
}

/**
 * Whether a column's mean, spread and distribution say something: an identifier's numbers (order 50001, 50002 …)
 * are labels, so the report shows their count, range and most frequent values only.
 */
export const describesValues = (column: { role?: string | null }) => column.role !== 'identifier';

export const columnAnchor = (name: string) => `column-${slug(name)}`;
export const seriesAnchor = (measure: string) => `series-${slug(measure)}`;
export const breakdownAnchor = (measure: string, dimension: string) => `segment-${slug(measure, dimension)}`;
export const outlierAnchor = (column: string) => `outliers-${slug(column)}`;
export const flagRateAnchor = (flag: string, dimension: string) => `flag-rate-${slug(flag, dimension)}`;
export const kpiAnchor = (domain: string, name: string) => `kpi-${slug(domain, name)}`;

/** Every split of `a:b:c` into two non-empty parts, since column names may themselves contain colons. */
function splits(rest: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = rest.indexOf(':'); i > 0; i = rest.indexOf(':', i + 1)) result.push([rest.slice(0, i), rest.slice(i + 1)]);
  return result;
}

/**
 * Where a finding's evidence is shown, from its `chart_key` (histogram:<column>, scatter:<x>:<y>,
 * time_series:<measure>, segments:<measure>:<dimension>, flag_rates:<flag>:<dimension>, heatmap:<method>,
 * date_span:<from>:<to>,
 * outliers:<column>, kpi:<name>,
 * quality:<kind>): the exact chart when the page shows it, else its section, else the profile of the first
 * column the finding cites, else nowhere.
 */
export function evidenceTarget(
  evidence: { chart_key?: string | null | undefined; columns?: string[] | null | undefined } | null | undefined,
  present: ReadonlySet<string>,
): string | null {
  const key = evidence?.chart_key ?? '';
  const colon = key.indexOf(':');
  const kind = colon === -1 ? key : key.slice(0, colon);
  const rest = colon === -1 ? '' : key.slice(colon + 1);
  const candidates: string[] = [];
  switch (kind) {
    case 'histogram':
      candidates.push(columnAnchor(rest));
      break;
    case 'scatter':
    case 'heatmap':
    case 'date_span':
      candidates.push(SECTION_IDS.relationships);
      break;
    case 'time_series':
      candidates.push(seriesAnchor(rest), SECTION_IDS.time_series);
      break;
    case 'segments':
      candidates.push(...splits(rest).map(([measure, dimension]) => breakdownAnchor(measure, dimension)), SECTION_IDS.segments);
      break;
    case 'flag_rates':
      candidates.push(...splits(rest).map(([flag, dimension]) => flagRateAnchor(flag, dimension)), SECTION_IDS.segments);
      break;
    case 'outliers':
      candidates.push(outlierAnchor(rest), SECTION_IDS.outliers);
      break;
    case 'kpi':
      candidates.push(SECTION_IDS.kpis);
      break;
    case 'quality':
      candidates.push(SECTION_IDS.quality);
      break;
  }
  const column = evidence?.columns?.[0];
  if (column) candidates.push(columnAnchor(column));
  return candidates.find((id) => present.has(id)) ?? null;
}

/** Ids of the sections, and of the charts inside them, that this report will render. */
export function presentSections(model: ReportModel): Set<string> {
  const present = new Set<string>([SECTION_IDS.summary]);
  const map: Array<[keyof ReportModel, string]> = [
    ['key_findings', SECTION_IDS.findings],
    ['kpis', SECTION_IDS.kpis],
    ['quality', SECTION_IDS.quality],
    ['columns', SECTION_IDS.columns],
    ['relationships', SECTION_IDS.relationships],
    ['time_series', SECTION_IDS.time_series],
    ['outliers', SECTION_IDS.outliers],
    ['segments', SECTION_IDS.segments],
    ['rejects', SECTION_IDS.rejects],
  ];
  for (const [key, id] of map) {
    const section = model[key] as Section<unknown>;
    if (section.state !== 'absent') present.add(id);
  }
  if (model.columns.state === 'ok') for (const column of model.columns.data) present.add(columnAnchor(column.name));
  if (model.time_series.state === 'ok') for (const series of model.time_series.data.series) present.add(seriesAnchor(series.measure));
  if (model.segments.state === 'ok') {
    for (const breakdown of model.segments.data.breakdowns) present.add(breakdownAnchor(breakdown.measure, breakdown.dimension));
    for (const rate of model.segments.data.flag_rates ?? []) present.add(flagRateAnchor(rate.flag, rate.dimension));
  }
  if (model.outliers.state === 'ok') for (const outlier of model.outliers.data.columns) present.add(outlierAnchor(outlier.column));
  return present;
}
