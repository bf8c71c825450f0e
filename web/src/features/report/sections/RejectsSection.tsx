import type { Rejects } from '../../../lib/api/insights';
import { formatInteger } from '../../../lib/format';
import { SECTION_IDS, type Section } from '../report-model';
import { ReportSection } from './ReportSection';

const CELL = 'px-3 py-2 align-top';

export function RejectsSection({ section }: { section: Section<Rejects> }) {
  return (
    <ReportSection id={SECTION_IDS.rejects} title="Rows that could not be read" section={section}>
      {(rejects) => (
        <div className="flex flex-col gap-3">
          <p data-testid="rejects-summary" className="text-slate-800">
            {formatInteger(rejects.rows_read)} of {formatInteger(rejects.rows_present)} rows were read;{' '}
            {rejects.rows_rejected === 0 ? 'none was rejected.' : `${formatInteger(rejects.rows_rejected)} could not be read and are not in the analysis.`}
            {rejects.footer_rows.length > 0 && ` ${formatInteger(rejects.footer_rows.length)} trailing total row(s) were left out.`}
          </p>
          {rejects.rows.length > 0 && (
            <div className="overflow-x-auto" tabIndex={0} aria-label="Rejected rows, scrollable">
              <table data-testid="rejects-table" className="min-w-full text-sm">
                <caption className="sr-only">The first rejected rows, by line in the file</caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className={`${CELL} text-right`}>Line</th>
                    <th scope="col" className={CELL}>Problem</th>
                    <th scope="col" className={CELL}>Row as read</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rejects.rows.map((row) => (
                    <tr key={row.line}>
                      <td className={`${CELL} text-right tabular-nums`}>{formatInteger(row.line)}</td>
                      <td className={CELL}>{row.reason}</td>
                      <td className={`${CELL} max-w-md truncate font-mono text-xs`} title={row.raw ?? ''}>
                        {row.raw}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {rejects.rows_rejected > rejects.rows.length && rejects.rows.length > 0 && (
            <p className="text-sm text-slate-600">Showing the first {formatInteger(rejects.rows.length)} of {formatInteger(rejects.rows_rejected)}.</p>
          )}
        </div>
      )}
    </ReportSection>
  );
}
