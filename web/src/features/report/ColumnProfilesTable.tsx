import { useWindowedList } from '../../components/use-windowed-list';
import type { ColumnProfile } from '../../lib/api/insights';
import { EMPTY, formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { WINDOW_ABOVE_COLUMNS, describesValues } from './report-model';

function formatBound(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  return typeof value === 'number' ? formatNumber(value) : value;
}

const NUMERIC_CELL = 'px-3 py-2 text-right tabular-nums whitespace-nowrap';
const HEADER_CELL = 'px-3 py-2 font-semibold text-slate-700';
/** One line of text with padding and a divider. */
const ROW_HEIGHT = 37;

export function ColumnProfilesTable({ columns }: { columns: ColumnProfile[] }) {
  const rows = useWindowedList({
    count: columns.length,
    estimatedHeight: ROW_HEIGHT,
    overscan: 8,
    enabled: columns.length > WINDOW_ABOVE_COLUMNS,
  });
  return (
    <section id="report-columns" tabIndex={-1} aria-labelledby="columns-heading" className="card scroll-mt-4 focus:outline-none">
      <h2 id="columns-heading" className="text-lg font-semibold text-slate-900">
        Column profiles
      </h2>
      {columns.length === 0 ? (
        <p className="mt-3 text-slate-600">The file has no columns.</p>
      ) : (
        <div className="mt-4 overflow-x-auto" tabIndex={0} aria-label="Column profiles, scrollable">
          <table data-testid="column-profiles" aria-rowcount={columns.length + 1} className="min-w-full text-sm">
            <caption className="sr-only">
              One row per column: type, missing values, distinct values, minimum, maximum and mean.
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left">
              <tr aria-rowindex={1}>
                <th scope="col" className={HEADER_CELL}>Name</th>
                <th scope="col" className={HEADER_CELL}>Type</th>
                <th scope="col" className={`${HEADER_CELL} text-right`}>Missing</th>
                <th scope="col" className={`${HEADER_CELL} text-right`}>Distinct</th>
                <th scope="col" className={`${HEADER_CELL} text-right`}>Min</th>
                <th scope="col" className={`${HEADER_CELL} text-right`}>Max</th>
                <th scope="col" className={`${HEADER_CELL} text-right`}>Mean</th>
              </tr>
            </thead>
            <tbody ref={rows.listRef} className="divide-y divide-slate-100">
              {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
              {columns.slice(rows.first, rows.last).map((column, offset) => {
                const index = rows.first + offset;
                return (
                  <tr
                    key={`${index}-${column.name}`}
                    {...rows.rowProps(index)}
                    data-testid="column-row"
                    aria-rowindex={index + 2}
                    className="hover:bg-slate-50"
                  >
                    <th scope="row" className="max-w-56 truncate px-3 py-2 text-left font-medium text-slate-900" title={column.name}>
                      {column.name}
                    </th>
                    <td className="px-3 py-2">
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{column.type}</span>
                    </td>
                    <td className={NUMERIC_CELL}>
                      {formatInteger(column.missing_count)}{' '}
                      <span className="text-slate-500">({formatPercent(column.missing_percent)})</span>
                    </td>
                    <td className={NUMERIC_CELL}>{formatInteger(column.distinct_count)}</td>
                    <td className={NUMERIC_CELL}>{formatBound(column.min)}</td>
                    <td className={NUMERIC_CELL}>{formatBound(column.max)}</td>
                    <td className={NUMERIC_CELL}>
                      {column.mean === null || column.mean === undefined || !describesValues(column) ? EMPTY : formatNumber(column.mean)}
                    </td>
                  </tr>
                );
              })}
              {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
