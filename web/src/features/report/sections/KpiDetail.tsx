import { formatNumber, formatPercent, formatPValue } from '../../../lib/format';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Returns, volatilities, drawdowns and values at risk of a price panel, returns on ad spend, a plan's variance: ratios
 * of any size (+210 %).
 */
const RETURN_RATIOS = /(^|_)return$|volatility|drawdown|value_at_risk|return_on_ad_spend|variance_rate/;

/** Shares are 0–1 in the report; years and p-values read as usual; other numbers are shown as they are. */
function cell(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (/(^|_)year$/.test(key) && Number.isInteger(value)) return String(value);
    if (key === 'p_value') return formatPValue(value);
    if (RETURN_RATIOS.test(key)) return formatPercent(value * 100);
    return /share|rate|ratio/.test(key) && Math.abs(value) <= 1 ? formatPercent(value * 100) : formatNumber(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const label = (key: string) => key.replace(/_/g, ' ');

type NumberSeries = [string, number[]];

/** Lists of numbers side by side (Benford's observed and expected digit shares), all of one length. */
function numberSeries(entries: [string, unknown][]): NumberSeries[] {
  const series = entries.filter(
    (entry): entry is NumberSeries =>
      Array.isArray(entry[1]) && entry[1].length > 0 && entry[1].every((n) => typeof n === 'number' && Number.isFinite(n)),
  );
  const length = series[0]?.[1].length;
  return series.length > 0 && series.every(([, values]) => values.length === length) ? series : [];
}

/** Shares (every value 0–1) read better as percentages. */
function seriesCell(values: number[], value: number | undefined): string {
  if (value === undefined) return '—';
  return values.every((v) => v >= 0 && v <= 1) ? formatPercent(value * 100) : formatNumber(value);
}

function SeriesTable({ series }: { series: NumberSeries[] }) {
  const names = series.map(([name]) => name);
  const positions = series[0]?.[1] ?? [];
  // Benford's law compares the shares of first digits 1–9.
  const position = names.includes('observed') && names.includes('expected') && positions.length === 9 ? 'first digit' : '#';
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="text-xs" data-testid="kpi-series">
        <thead>
          <tr>
            <th scope="col" className="pr-3 text-left font-medium text-slate-600">
              {position}
            </th>
            {names.map((name) => (
              <th key={name} scope="col" className="pr-3 text-right font-medium text-slate-600">
                {label(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {positions.map((_, index) => (
            <tr key={index}>
              <th scope="row" className="pr-3 text-left font-medium text-slate-800">
                {index + 1}
              </th>
              {series.map(([name, values]) => (
                <td key={name} className="pr-3 text-right tabular-nums text-slate-800">
                  {seriesCell(values, values[index])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A detail that reads as a table: a list of records (rows in order) or a map of records (rows named by key). */
interface DetailTable {
  keys: string[];
  named: boolean;
  rows: Array<[string, Record<string, unknown>]>;
}

function tableOf(detail: unknown): DetailTable | null {
  const keysOf = (rows: Array<Record<string, unknown>>) => [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (Array.isArray(detail) && detail.length > 0 && detail.every(isRecord)) {
    return { keys: keysOf(detail), named: false, rows: detail.slice(0, 10).map((row, index) => [String(index), row]) };
  }
  if (isRecord(detail)) {
    const entries = Object.entries(detail);
    if (entries.length > 0 && entries.every(([, value]) => isRecord(value))) {
      const rows = entries as Array<[string, Record<string, unknown>]>;
      return { keys: keysOf(rows.map(([, row]) => row)), named: true, rows };
    }
  }
  return null;
}

/** Details shown as a table of more than three columns need a wider card than a single figure. */
export function isWideDetail(detail: unknown): boolean {
  const table = tableOf(detail);
  if (table) return table.keys.length + (table.named ? 1 : 0) > 3;
  if (!isRecord(detail)) return false;
  const entries = Object.entries(detail);
  return numberSeries(entries).length > 0 || nestedTables(entries).some(([, nested]) => isWideDetail(nested.source));
}

/** Entries of a flat map whose values are tables of their own (the fraud rate's segments where it is highest). */
function nestedTables(entries: [string, unknown][]): Array<[string, DetailTable & { source: unknown }]> {
  return entries.flatMap(([key, value]) => {
    const table = tableOf(value);
    return table ? [[key, { ...table, source: value }] as [string, DetailTable & { source: unknown }]] : [];
  });
}

function Table({ table }: { table: DetailTable }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-xs" data-testid="kpi-detail">
        <thead>
          <tr>
            {table.named && <td />}
            {table.keys.map((key) => (
              <th key={key} scope="col" className="pr-2 text-left font-medium text-slate-600">
                {label(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([name, row]) => (
            <tr key={name}>
              {table.named && (
                <th scope="row" className="pr-2 text-left font-medium text-slate-800">
                  {name}
                </th>
              )}
              {table.keys.map((key) => (
                <td key={key} className="pr-2 tabular-nums text-slate-800">
                  {cell(key, row[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An indicator's supporting values, whatever their shape: a list of rows becomes a table, a map of rows a table
 * keyed by name, a flat map a list of figures (and its lists of numbers one table side by side).
 */
export function KpiDetail({ detail }: { detail: unknown }) {
  if (detail === null || detail === undefined) return null;
  const table = tableOf(detail);
  if (table) return <Table table={table} />;
  if (isRecord(detail)) {
    const entries = Object.entries(detail);
    const series = numberSeries(entries);
    const tables = nestedTables(entries);
    const apart = new Set([...series.map(([name]) => name), ...tables.map(([name]) => name)]);
    return (
      <>
        <dl className="mt-2 text-xs" data-testid="kpi-detail">
          {entries
            .filter(([key]) => !apart.has(key))
            .slice(0, 12)
            .map(([key, value]) => (
              <div key={key} className="flex gap-1">
                <dt className="text-slate-600">{label(key)}:</dt>
                <dd className="tabular-nums text-slate-800">{cell(key, value)}</dd>
              </div>
            ))}
        </dl>
        {series.length > 0 && <SeriesTable series={series} />}
        {tables.map(([key, table]) => (
          <div key={key} className="mt-2">
            <p className="text-xs font-medium text-slate-600">{label(key)}</p>
            <Table table={table} />
          </div>
        ))}
      </>
    );
  }
  return <p className="mt-2 text-xs text-slate-700">{cell('', detail)}</p>;
}
