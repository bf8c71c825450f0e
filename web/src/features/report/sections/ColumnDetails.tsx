import { useEffect, useState } from 'react';
import { BarList } from '../../../components/charts/BarList';
import { useWindowedList, type RowProps } from '../../../components/use-windowed-list';
import type { ColumnProfile } from '../../../lib/api/insights';
import { EMPTY, formatInteger, formatNumber, formatPercent } from '../../../lib/format';
import { useMediaQuery } from '../../../lib/use-media-query';
import { WINDOW_ABOVE_COLUMNS, columnAnchor, describesValues } from '../report-model';
import { HistogramChart } from './HistogramChart';
import { addRevealer, goToSection } from './ReportSection';

/** Tailwind's md breakpoint, where the cards go two to a line (md:grid-cols-2 below). */
const TWO_PER_LINE = '(min-width: 48rem)';
/** A card with statistics and a chart, plus the gap below it; real heights replace this as cards render. */
const LINE_HEIGHT = 356;
const GAP = 16;

function value(number: number | null | undefined): string {
  return number === null || number === undefined ? EMPTY : formatNumber(number);
}

function statsOf(column: ColumnProfile): Array<[string, string]> {
  const numeric = column.numeric;
  const stats: Array<[string, string]> = [
    ['Missing', `${formatInteger(column.missing_count)} (${formatPercent(column.missing_percent)})`],
    ['Distinct', formatInteger(column.distinct_count)],
  ];
  if (column.min !== null && column.min !== undefined) stats.push(['Min', typeof column.min === 'number' ? formatNumber(column.min) : column.min]);
  if (column.max !== null && column.max !== undefined) stats.push(['Max', typeof column.max === 'number' ? formatNumber(column.max) : column.max]);
  const values = describesValues(column);
  if (values && column.mean !== null && column.mean !== undefined) stats.push(['Mean', formatNumber(column.mean)]);
  const std = numeric?.std ?? column.std;
  if (values && std !== null && std !== undefined) stats.push(['Std dev', formatNumber(std)]);
  if (values && numeric) {
    const quantiles: Array<[string, number | null | undefined]> = [
      ['P5', numeric.p5],
      ['P25', numeric.p25],
      ['Median', numeric.p50],
      ['P75', numeric.p75],
      ['P95', numeric.p95],
    ];
    for (const [label, q] of quantiles) if (q !== null && q !== undefined) stats.push([label, value(q)]);
    // Shape statistics read to two decimals; a symmetric column's 1e-15 is 0.
    if (numeric.skewness !== null && numeric.skewness !== undefined) stats.push(['Skewness', formatNumber(Math.round(numeric.skewness * 100) / 100 || 0)]);
  }
  if (column.temporal?.granularity) stats.push(['Granularity', column.temporal.granularity]);
  if (column.text?.mean_length !== null && column.text?.mean_length !== undefined) stats.push(['Mean length', formatNumber(column.text.mean_length)]);
  if (column.invalid_count) stats.push(['Invalid', formatInteger(column.invalid_count)]);
  return stats;
}

interface ColumnCardProps {
  column: ColumnProfile;
  position: number;
  total: number;
  /** On the first card of each line of a windowed list, which measures the line by it. */
  line?: RowProps;
}

function ColumnCard({ column, position, total, line }: ColumnCardProps) {
  const histogram = describesValues(column) ? (column.numeric?.histogram ?? column.histogram) : undefined;
  const topValues = column.categories?.top_values ?? column.top_values;
  const headingId = `${columnAnchor(column.name)}-heading`;
  return (
    <li {...line} aria-posinset={position} aria-setsize={total}>
      <article
        id={columnAnchor(column.name)}
        tabIndex={-1}
        aria-labelledby={headingId}
        data-testid="column-detail"
        data-column={column.name}
        className="flex h-full scroll-mt-4 flex-col gap-3 rounded-lg border border-slate-200 p-4 focus:outline-2 focus:outline-indigo-600"
      >
        <header className="flex flex-wrap items-baseline gap-2">
          <h3 id={headingId} className="min-w-0 font-semibold break-all text-slate-900">
            {column.name}
          </h3>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{column.type}</span>
          {column.role && <span className="text-xs text-slate-600">{column.role.replace('_', ' ')}</span>}
        </header>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
          {statsOf(column).map(([term, text]) => (
            <div key={term} className="min-w-0">
              <dt className="text-xs text-slate-600">{term}</dt>
              <dd className="truncate font-medium tabular-nums text-slate-900" title={text}>
                {text}
              </dd>
            </div>
          ))}
        </dl>
        {histogram && histogram.counts.length > 0 && <HistogramChart histogram={histogram} column={column.name} />}
        {topValues && (topValues[0]?.count ?? 2) <= 1 && (
          // ten bars of "1" say only that no value repeats (an id column): say that
          <p className="text-sm text-slate-600" data-testid="no-repeats">
            No value repeats.
          </p>
        )}
        {topValues && (topValues[0]?.count ?? 0) > 1 && (
          <div>
            <h4 className="mb-1 text-xs font-medium text-slate-600">Most frequent values</h4>
            <BarList
              label={`Most frequent values of ${column.name}`}
              testId="top-values"
              bars={topValues.map((top) => ({
                label: top.value,
                value: top.count,
                display: `${formatInteger(top.count)}${top.share !== null && top.share !== undefined ? ` (${formatPercent(top.share * 100)})` : ''}`,
              }))}
            />
          </div>
        )}
      </article>
    </li>
  );
}

/**
 * One card per column: its statistics, distribution and most frequent values, as far as the report has them. A wide
 * file keeps only the lines of cards near the screen in the page; a finding's link to a card brings it in.
 */
export function ColumnDetails({ columns }: { columns: ColumnProfile[] }) {
  const perLine = useMediaQuery(TWO_PER_LINE) ? 2 : 1;
  const windowed = columns.length > WINDOW_ABOVE_COLUMNS;
  const lines = useWindowedList({
    count: Math.ceil(columns.length / perLine),
    estimatedHeight: LINE_HEIGHT,
    gap: GAP,
    overscan: 2,
    enabled: windowed,
  });
  const { jumpTo, first, last } = lines;
  const [revealing, setRevealing] = useState<string | null>(null);

  useEffect(() => {
    if (!windowed) return;
    return addRevealer((id) => {
      const index = columns.findIndex((column) => columnAnchor(column.name) === id);
      if (index === -1) return false;
      jumpTo(Math.floor(index / perLine));
      setRevealing(id);
      return true;
    });
  }, [windowed, columns, perLine, jumpTo]);

  // Once the card asked for is in the page, move to it exactly and focus it.
  useEffect(() => {
    if (revealing === null || !document.getElementById(revealing)) return;
    setRevealing(null);
    goToSection(revealing);
  }, [revealing, first, last]);

  if (columns.length === 0) return null;
  return (
    <section aria-labelledby="column-details-heading" className="card">
      <h2 id="column-details-heading" className="text-lg font-semibold text-slate-900">
        Column details
      </h2>
      <ul
        ref={lines.listRef}
        data-testid="column-details"
        data-count={columns.length}
        className="mt-4 grid gap-4 md:grid-cols-2"
        style={windowed ? { paddingTop: lines.before, paddingBottom: lines.after } : undefined}
      >
        {columns.slice(first * perLine, last * perLine).map((column, offset) => {
          const index = first * perLine + offset;
          return (
            <ColumnCard
              key={`${index}-${column.name}`}
              column={column}
              position={index + 1}
              total={columns.length}
              line={index % perLine === 0 ? lines.rowProps(index / perLine) : undefined}
            />
          );
        })}
      </ul>
    </section>
  );
}
