import { useMemo } from 'react';
import { ColumnProfilesTable } from './ColumnProfilesTable';
import { DatasetSummary } from './DatasetSummary';
import { InsightsWarnings } from './InsightsWarnings';
import { presentSections, readReport } from './report-model';
import { ColumnDetails } from './sections/ColumnDetails';
import { DataPreview } from './sections/DataPreview';
import { KeyFindings } from './sections/KeyFindings';
import { KpisSection } from './sections/KpisSection';
import { OutliersSection } from './sections/OutliersSection';
import { QualitySection } from './sections/QualitySection';
import { RejectsSection } from './sections/RejectsSection';
import { RelationshipsSection } from './sections/RelationshipsSection';
import { ReportDownloads } from './sections/ReportDownloads';
import { ReportSection } from './sections/ReportSection';
import { SegmentsSection } from './sections/SegmentsSection';
import { SummaryCards } from './sections/SummaryCards';
import { TimeSeriesSection } from './sections/TimeSeriesSection';

export interface ReportViewProps {
  jobId: string;
  fileName: string;
  /** The report JSON, or the sections of a running job received so far. */
  raw: unknown;
  /** Sections of a job still running: no downloads, no row preview yet. */
  partial?: boolean;
}

/** Every section the report contains, findings first; loaded on demand to keep the first page light. */
export default function ReportView({ jobId, fileName, raw, partial = false }: ReportViewProps) {
  const model = useMemo(() => readReport(raw), [raw]);
  const present = useMemo(() => presentSections(model), [model]);
  const dataset = model.dataset.state === 'ok' ? model.dataset.data : null;
  const columns = model.columns.state === 'ok' ? model.columns.data : null;

  return (
    <div className="flex flex-col gap-6" data-testid={partial ? 'partial-report' : 'job-report'}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-bold tracking-tight text-slate-900">{partial ? 'Report sections ready so far' : 'Report'}</h2>
        {!partial && <ReportDownloads raw={raw} model={model} jobId={jobId} fileName={fileName} />}
      </div>
      <SummaryCards model={model} />
      <KeyFindings section={model.key_findings} present={present} />
      <KpisSection section={model.kpis} />
      <QualitySection section={model.quality} />
      <InsightsWarnings warnings={model.warnings} />
      {dataset ? (
        <DatasetSummary dataset={dataset} />
      ) : (
        <ReportSection id="report-dataset" title="Dataset" section={model.dataset}>
          {() => null}
        </ReportSection>
      )}
      {columns ? (
        <>
          <ColumnProfilesTable columns={columns} />
          <ColumnDetails columns={columns} />
        </>
      ) : (
        <ReportSection id="report-columns" title="Column profiles" section={model.columns}>
          {() => null}
        </ReportSection>
      )}
      <RelationshipsSection section={model.relationships} />
      <TimeSeriesSection section={model.time_series} />
      <OutliersSection section={model.outliers} />
      <SegmentsSection section={model.segments} />
      <RejectsSection section={model.rejects} />
      {!partial && <DataPreview jobId={jobId} totalRows={dataset?.rows ?? null} />}
    </div>
  );
}
