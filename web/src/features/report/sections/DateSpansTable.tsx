import type { DateSpan } from '../../../lib/api/insights';
import { formatInteger, formatNumber, formatPercent } from '../../../lib/format';

/** "1 day", "2.5 days". */
export function spanAmount(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value)} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

function DependsOn({ span }: { span: DateSpan }) {
  const by = span.by;
  const shortest = by?.groups[0];
  const longest = by?.groups[by.groups.length - 1];
  if (!by || !shortest || !longest) return <span className="text-slate-600">no category explains it</span>;
  return (
    <span>
      <span className="font-medium text-slate-900">{by.dimension}</span>: {spanAmount(shortest.mean, span.unit)} for {shortest.value} to{' '}
      {spanAmount(longest.mean, span.unit)} for {longest.value}
      {by.eta_squared !== null && by.eta_squared !== undefined && (
        <span className="text-slate-600"> (explains {formatPercent(by.eta_squared * 100)})</span>
      )}
    </span>
  );
}

/** How long from one date column to the next, per row: ordered → shipped → delivered. */
export function DateSpansTable({ spans }: { spans: DateSpan[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">Time between dates</h3>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-sm" data-testid="date-spans">
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="pr-3 font-medium">From → to</th>
              <th scope="col" className="pr-3 font-medium">Median</th>
              <th scope="col" className="pr-3 font-medium">95 % within</th>
              <th scope="col" className="pr-3 font-medium">Longest</th>
              <th scope="col" className="pr-3 font-medium">Wrong order</th>
              <th scope="col" className="pr-3 font-medium">Depends on</th>
            </tr>
          </thead>
          <tbody>
            {spans.map((span) => (
              <tr key={`${span.from}|${span.to}`} className="border-t border-slate-100 align-top">
                <th scope="row" className="pr-3 text-left font-medium text-slate-900">
                  {span.from} → {span.to}
                </th>
                <td className="pr-3 tabular-nums">{spanAmount(span.median, span.unit)}</td>
                <td className="pr-3 tabular-nums">{spanAmount(span.p95, span.unit)}</td>
                <td className="pr-3 tabular-nums">
                  {spanAmount(span.max, span.unit)}
                  {span.max_row !== null && span.max_row !== undefined && <span className="text-slate-600"> (row {formatInteger(span.max_row)})</span>}
                </td>
                <td className={`pr-3 tabular-nums ${span.reversed > 0 ? 'font-medium text-amber-800' : ''}`}>
                  {span.reversed > 0
                    ? `${formatInteger(span.reversed)} row${span.reversed === 1 ? '' : 's'} (${span.reversed_rows.map(formatInteger).join(', ')}${span.reversed > span.reversed_rows.length ? ' …' : ''})`
                    : 'none'}
                </td>
                <td className="pr-3">
                  <DependsOn span={span} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
