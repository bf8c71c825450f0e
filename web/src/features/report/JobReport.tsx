import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useMemo } from 'react';
import { ErrorState, LoadingState } from '../../components/states';
import { jobInsightsQueryOptions } from '../../lib/api/get-job-insights';
import { insightsDocumentSchema } from '../../lib/api/insights';
import { errorMessage } from '../../lib/api/problem';

const ReportView = lazy(() => import('./ReportView'));

/**
 * The finished job's report. Insights that arrived with job_complete seed the cache; when there are
 * none, or they do not match the schema, they are fetched and any problem is shown by the fetch.
 */
export function JobReport({ jobId, fileName, liveInsights }: { jobId: string; fileName: string; liveInsights?: unknown }) {
  const seeded = useMemo(() => {
    if (liveInsights === undefined) return undefined;
    const parsed = insightsDocumentSchema.safeParse(liveInsights);
    return parsed.success ? parsed.data : undefined;
  }, [liveInsights]);
  const insights = useQuery({ ...jobInsightsQueryOptions(jobId), initialData: seeded });

  if (insights.isPending) return <LoadingState>Loading the report…</LoadingState>;
  if (insights.isError) {
    return (
      <ErrorState
        testId="report-error"
        title="The report could not be loaded"
        message={errorMessage(insights.error)}
        onRetry={() => void insights.refetch()}
      />
    );
  }
  return (
    <Suspense fallback={<LoadingState>Loading the report…</LoadingState>}>
      <ReportView jobId={jobId} fileName={fileName} raw={insights.data.raw} />
    </Suspense>
  );
}

/** Sections of a running job's report, shown as the engine finishes them (job_update `partial`). */
export function PartialReport({ jobId, fileName, sections }: { jobId: string; fileName: string; sections: Record<string, unknown> }) {
  return (
    <Suspense fallback={<LoadingState>Loading the report sections…</LoadingState>}>
      <ReportView jobId={jobId} fileName={fileName} raw={sections} partial />
    </Suspense>
  );
}
