import { formatNumber, formatPercent } from '../../../lib/format';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Shares are 0–1 in the report; other numbers are shown as they are. */
function cell(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return /share|rate|ratio/.test(key) && Math.abs(value) <= 1 ? formatPercent(value * 100) : formatNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const label = (key: string) => key.replace(/_/g, ' ');

/**
 * An indicator's supporting values, whatever their shape: a list of rows becomes a table, a map of rows a table
 * keyed by name, a flat map a list of figures.
 */
export function KpiDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return null;
  if (Array.isArray(detail) && detail.every(isRecord) && detail.length > 0) {
    const keys = [...new Set(detail.flatMap((row) => Object.keys(row)))];
    return (
      <table className="mt-2 w-full text-xs" data-testid="kpi-detail">
        <thead>
          <tr>
            {keys.map((key) => (
              <th key={key} scope="col" className="pr-2 text-left font-medium text-slate-600">
                {label(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.slice(0, 10).map((row, index) => (
            <tr key={index}>
              {keys.map((key) => (
                <td key={key} className="pr-2 tabular-nums text-slate-800">
                  {cell(key, row[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (isRecord(detail)) {
    const entries = Object.entries(detail);
    if (entries.length > 0 && entries.every(([, value]) => isRecord(value))) {
      const keys = [...new Set(entries.flatMap(([, value]) => Object.keys(value as Record<string, unknown>)))];
      return (
        <table className="mt-2 w-full text-xs" data-testid="kpi-detail">
          <thead>
            <tr>
              <td />
              {keys.map((key) => (
                <th key={key} scope="col" className="pr-2 text-left font-medium text-slate-600">
                  {label(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="pr-2 text-left font-medium text-slate-800">
                  {name}
                </th>
                {keys.map((key) => (
                  <td key={key} className="pr-2 tabular-nums text-slate-800">
                    {cell(key, (value as Record<string, unknown>)[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return (
      <dl className="mt-2 text-xs" data-testid="kpi-detail">
        {entries.slice(0, 12).map(([key, value]) => (
          <div key={key} className="flex gap-1">
            <dt className="text-slate-600">{label(key)}:</dt>
            <dd className="tabular-nums text-slate-800">{cell(key, value)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <p className="mt-2 text-xs text-slate-700">{cell('', detail)}</p>;
}
