import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { LoadingState, ErrorState } from '../../components/states';
import { jobInsightsQueryOptions } from '../../lib/api/get-job-insights';
import { insightsSchema } from '../../lib/api/insights';
import { errorMessage } from '../../lib/api/problem';
import { ColumnProfilesTable } from './ColumnProfilesTable';
import { DatasetSummary } from './DatasetSummary';
import { InsightsWarnings } from './InsightsWarnings';

/**
 * The finished job's report. Insights that arrived with job_complete seed the cache; when there are
 * none, or they do not match the schema, they are fetched and any problem is shown by the fetch.
 */
export function JobReport({ jobId, liveInsights }: { jobId: string; liveInsights?: unknown }) {
  const seeded = useMemo(() => {
    if (liveInsights === undefined) return undefined;
    const parsed = insightsSchema.safeParse(liveInsights);
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
  const { dataset, columns, warnings } = insights.data;
  return (
    <div className="flex flex-col gap-6" data-testid="job-report">
      <DatasetSummary dataset={dataset} />
      <InsightsWarnings warnings={warnings} />
      <ColumnProfilesTable columns={columns} />
    </div>
  );
}
