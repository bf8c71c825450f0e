import type { QualitySection as Quality } from '../../../lib/api/insights';
import { formatNumber, formatScore } from '../../../lib/format';
import { SECTION_IDS, type Section } from '../report-model';
import { ReportSection } from './ReportSection';

const SEVERITY: Record<string, string> = {
  critical: 'border-rose-300 bg-rose-50 text-rose-900',
  error: 'border-rose-300 bg-rose-50 text-rose-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  info: 'border-slate-200 bg-slate-50 text-slate-800',
};

/** The columns go before the message unless it starts with them ("amount has 3 negative values …"). */
function namesColumns(alert: { columns: string[]; message: string }): boolean {
  return alert.columns.length > 0 && !alert.message.startsWith(alert.columns[0]!);
}

/** Points to one decimal; a deduction under 0.1 (5 missing cells of 8,800) to one digit, never "−0". */
function deductionPoints(points: number): string {
  return formatNumber(points < 0.1 ? Number(points.toPrecision(1)) : Math.round(points * 10) / 10);
}

export function QualitySection({ section }: { section: Section<Quality> }) {
  return (
    <ReportSection id={SECTION_IDS.quality} title="Data quality" section={section}>
      {(quality) => (
        <div className="flex flex-col gap-3">
          {quality.score !== null && quality.score !== undefined && (
            <p className="text-slate-800">
              Quality score <span data-testid="quality-score" className="text-2xl font-bold tabular-nums">{formatScore(quality.score)}</span> / 100
            </p>
          )}
          {quality.deductions.length > 0 && (
            <ul className="text-sm text-slate-700" data-testid="quality-deductions">
              {quality.deductions.map((deduction, index) => (
                <li key={index}>
                  −{deductionPoints(deduction.points)} for {deduction.dimension}
                  {deduction.rule && <span className="text-slate-600">: {deduction.rule}</span>}
                </li>
              ))}
            </ul>
          )}
          {quality.alerts.length === 0 ? (
            <p className="text-slate-600">No quality problems found.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {quality.alerts.map((alert, index) => (
                <li key={index} data-testid="quality-alert" data-severity={alert.severity} className={`rounded-md border px-3 py-2 text-sm ${SEVERITY[alert.severity] ?? SEVERITY.info}`}>
                  <span className="font-semibold capitalize">{alert.severity}</span>
                  {namesColumns(alert) && <span className="font-medium"> · {alert.columns.join(', ')}</span>}: {alert.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </ReportSection>
  );
}
