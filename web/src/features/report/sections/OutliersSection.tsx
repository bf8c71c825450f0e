import type { OutliersSection as Outliers } from '../../../lib/api/insights';
import { EMPTY, formatInteger, formatNumber, formatPercent } from '../../../lib/format';
import { SECTION_IDS, outlierAnchor, type Section } from '../report-model';
import { ReportSection } from './ReportSection';

function fence(value: number | null | undefined): string {
  return value === null || value === undefined ? '…' : formatNumber(value);
}

const CELL = 'px-3 py-2 align-top';

type ColumnOutliers = Outliers['columns'][number];

/** A tenth of the values or more outside the fences: groups of their own, not outliers (as the engine says, 2.5). */
export const GROUPS_SHARE = 0.1;

/** Amounts with refunds are judged by their size (report 2.4): the fences bound |value|. */
export function bySize(outlier: ColumnOutliers): boolean {
  return outlier.scale === 'log_magnitude';
}

/**
 * What the count means when it is not a plain count of outliers: values judged again within the category that
 * explains the measure (report 2.11), or too many to be outliers.
 */
export function outlierVerdict(outlier: ColumnOutliers): string | null {
  if (outlier.within) return `${formatInteger(outlier.within_count ?? 0)} out of line for their own ${outlier.within}`;
  return (outlier.share ?? 0) > GROUPS_SHARE ? 'too many to be outliers: separate groups' : null;
}

export function OutliersSection({ section }: { section: Section<Outliers> }) {
  return (
    <ReportSection id={SECTION_IDS.outliers} title="Outliers" section={section}>
      {(outliers) => (
        <div className="flex flex-col gap-3">
          {outliers.columns.length === 0 ? (
            <p className="text-slate-600">No measure could be assessed for outliers.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} aria-label="Outliers, scrollable">
              <table data-testid="outliers-table" className="min-w-full text-sm">
                <caption className="sr-only">Outlying values per measure, with the rows of the most extreme</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className={CELL}>Column</th>
                    <th scope="col" className={`${CELL} text-right`}>Outliers</th>
                    <th scope="col" className={CELL}>Usual range</th>
                    <th scope="col" className={CELL}>Most extreme (row)</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {outliers.columns.map((outlier) => (
                    <tr key={outlier.column} id={outlierAnchor(outlier.column)} tabIndex={-1} className="scroll-mt-4 focus:outline-2 focus:outline-indigo-600">
                      <th scope="row" className={`${CELL} text-left font-medium text-slate-900`}>
                        {outlier.column}
                        {outlier.method && (
                          <span className="block text-xs font-normal text-slate-600">
                            {outlier.method.replace(/_/g, ' ')}
                            {outlier.scale === 'log' && ', log scale'}
                            {bySize(outlier) && ', log scale of the size'}
                            {outlier.scale === 'signed_log' && ', log scale keeping the sign'}
                          </span>
                        )}
                      </th>
                      <td className={`${CELL} text-right tabular-nums whitespace-nowrap`}>
                        {formatInteger(outlier.count)}
                        {outlier.share !== null && outlier.share !== undefined && <span className="text-slate-600"> ({formatPercent(outlier.share * 100)})</span>}
                        {outlierVerdict(outlier) && (
                          <span className="block text-xs text-slate-600" data-testid={outlier.within ? 'judged-within' : 'separate-groups'}>
                            {outlierVerdict(outlier)}
                          </span>
                        )}
                        {(outlier.low || outlier.high) ? (
                          <span className="block text-xs text-slate-600">
                            {bySize(outlier)
                              ? `${formatInteger(outlier.low ?? 0)} too small, ${formatInteger(outlier.high ?? 0)} too large`
                              : `${formatInteger(outlier.low ?? 0)} low, ${formatInteger(outlier.high ?? 0)} high`}
                          </span>
                        ) : null}
                      </td>
                      <td className={`${CELL} tabular-nums whitespace-nowrap`}>
                        {fence(outlier.lower_fence)} to {fence(outlier.upper_fence)}
                        {bySize(outlier) && <span className="block text-xs text-slate-600">in size, either sign</span>}
                      </td>
                      <td className={`${CELL} tabular-nums`}>
                        {outlier.rows.length === 0
                          ? EMPTY
                          : outlier.rows
                              .slice(0, 5)
                              .map((row) => `${row.value === null ? EMPTY : formatNumber(row.value)} (${formatInteger(row.row)})`)
                              .join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {outliers.notes.map((note) => (
            <p key={note} className="text-sm text-slate-600">
              {note}
            </p>
          ))}
        </div>
      )}
    </ReportSection>
  );
}
