import type { Histogram } from '../../../lib/api/insights';
import { formatInteger, formatNumber } from '../../../lib/format';

function edgeLabel(value: number | null | undefined): string {
  return value === null || value === undefined ? '?' : formatNumber(value);
}

/** Bars over the engine's bins; a hidden table gives screen readers the same counts. */
export function HistogramChart({ histogram, column }: { histogram: Histogram; column: string }) {
  const counts = histogram.counts.map((count) => count ?? 0);
  const max = Math.max(1, ...counts);
  const edges = histogram.edges;
  return (
    <figure data-testid="histogram" className="flex flex-col gap-1">
      <div aria-hidden="true" className="flex h-24 items-end gap-px rounded bg-slate-50 px-1 pt-1">
        {counts.map((count, index) => (
          <div
            key={index}
            className="min-w-0 flex-1 rounded-t-sm bg-indigo-500"
            style={{ height: `${(count / max) * 100}%` }}
            title={`${edgeLabel(edges[index])} – ${edgeLabel(edges[index + 1])}: ${formatInteger(count)}`}
          />
        ))}
      </div>
      <div aria-hidden="true" className="flex justify-between text-[11px] tabular-nums text-slate-600">
        <span>{edgeLabel(edges[0])}</span>
        {histogram.scale === 'log10' && <span>log scale</span>}
        <span>{edgeLabel(edges.at(-1))}</span>
      </div>
      <figcaption className="sr-only">Distribution of {column}</figcaption>
      <table className="sr-only">
        <caption>Values of {column} per bin</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count, index) => (
            <tr key={index}>
              <td>{edgeLabel(edges[index])}</td>
              <td>{edgeLabel(edges[index + 1])}</td>
              <td>{formatInteger(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
