import type { AssociationPair, Relationships } from '../../../lib/api/insights';
import { formatInteger, formatNumber } from '../../../lib/format';
import { SECTION_IDS, type Section } from '../report-model';
import { DateSpansTable } from './DateSpansTable';
import { ReportSection } from './ReportSection';

const METHOD_NAMES: Record<string, string> = {
  pearson: 'Pearson r',
  spearman: 'Spearman ρ',
  cramers_v: 'Cramér’s V',
  correlation_ratio: 'correlation ratio η',
};

export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

/** Red for positive, blue for negative, white at 0; the number is always printed, colour only helps. */
export function cellColours(value: number | null): { background: string; text: string } {
  if (value === null) return { background: 'rgb(248 250 252)', text: 'rgb(71 85 105)' };
  const strength = Math.min(1, Math.abs(value));
  const [r, g, b] = value >= 0 ? [220, 38, 38] : [37, 99, 235];
  const mix = (channel: number) => Math.round(255 + (channel - 255) * strength);
  return { background: `rgb(${mix(r)} ${mix(g)} ${mix(b)})`, text: strength > 0.55 ? 'white' : 'rgb(15 23 42)' };
}

function Heatmap({ title, columns, values, testId }: { title: string; columns: string[]; values: Array<Array<number | null>>; testId: string }) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-semibold text-slate-800">{title}</figcaption>
      <div className="overflow-x-auto" tabIndex={0} aria-label={`${title}, scrollable`}>
        <table data-testid={testId} className="border-separate border-spacing-0.5 text-xs">
          <caption className="sr-only">{title} between each pair of columns</caption>
          <thead>
            <tr>
              <td />
              {columns.map((name) => (
                <th key={name} scope="col" className="max-w-24 truncate px-1 pb-1 text-left font-medium text-slate-700" title={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((rowName, row) => (
              <tr key={rowName}>
                <th scope="row" className="max-w-32 truncate pr-2 text-right font-medium text-slate-700" title={rowName}>
                  {rowName}
                </th>
                {columns.map((columnName, column) => {
                  const value = values[row]?.[column] ?? null;
                  const colours = cellColours(value);
                  return (
                    <td key={columnName} className="h-9 min-w-12 rounded-sm text-center tabular-nums" style={{ backgroundColor: colours.background, color: colours.text }}>
                      {value === null ? '–' : value.toFixed(2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const SHOWN_PAIRS = 8;

function PairList({ pairs, testId }: { pairs: AssociationPair[]; testId?: string }) {
  return (
    <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid={testId}>
      {pairs.map((pair) => (
        <li key={`${pair.method}|${pair.a}|${pair.b}`} className="flex flex-wrap gap-x-2">
          <span className="font-medium text-slate-900">
            {pair.a} ↔ {pair.b}
          </span>
          <span className="tabular-nums text-slate-700">
            {methodName(pair.method)} = {formatNumber(pair.value)}
          </span>
          {pair.n !== null && pair.n !== undefined && <span className="text-slate-600">over {formatInteger(pair.n)} rows</span>}
          {pair.significant === false && <span className="text-slate-600">(not significant)</span>}
        </li>
      ))}
    </ul>
  );
}

export function RelationshipsSection({ section }: { section: Section<Relationships> }) {
  return (
    <ReportSection id={SECTION_IDS.relationships} title="Relationships between columns" section={section}>
      {(relationships) => {
        const { numeric_columns: numeric, categorical_columns: categorical, pearson, cramers_v: cramersV } = relationships;
        const hasPearson = numeric.length > 1 && pearson && pearson.length > 0;
        const hasCramers = categorical.length > 1 && cramersV && cramersV.length > 0;
        return (
          <div className="flex flex-col gap-5">
            {!hasPearson && !hasCramers && relationships.strongest_pairs.length === 0 && (
              <p className="text-slate-600">No pairs of columns could be compared.</p>
            )}
            <div className="grid gap-5 xl:grid-cols-2">
              {hasPearson && <Heatmap title="Correlation of measures (Pearson r)" columns={numeric} values={pearson} testId="correlation-heatmap" />}
              {hasCramers && <Heatmap title="Association of categories (Cramér’s V)" columns={categorical} values={cramersV} testId="association-heatmap" />}
            </div>
            {relationships.strongest_pairs.length > 0 && (
              <div>
                <h3 className="text-sm font-semibold text-slate-800">Strongest relationships</h3>
                <PairList pairs={relationships.strongest_pairs.slice(0, SHOWN_PAIRS)} testId="strongest-pairs" />
                {relationships.strongest_pairs.length > SHOWN_PAIRS && (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
                      {relationships.strongest_pairs.length - SHOWN_PAIRS} more pairs
                    </summary>
                    <PairList pairs={relationships.strongest_pairs.slice(SHOWN_PAIRS)} />
                  </details>
                )}
              </div>
            )}
            {relationships.dependencies.length > 0 && (
              <div>
                <h3 className="text-sm font-semibold text-slate-800">Exact dependencies</h3>
                <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="dependencies">
                  {relationships.dependencies.map((dependency, index) => (
                    <li key={index}>
                      <span className="font-mono text-slate-900">{dependency.expression ?? `${dependency.target} ← ${dependency.sources.join(', ')}`}</span>
                      {dependency.rows_checked !== null && dependency.rows_checked !== undefined && (
                        <span className="text-slate-600"> (holds on all {formatInteger(dependency.rows_checked)} rows checked)</span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {relationships.date_spans.length > 0 && <DateSpansTable spans={relationships.date_spans} />}
            {relationships.notes.map((note) => (
              <p key={note} className="text-sm text-slate-600">
                {note}
              </p>
            ))}
          </div>
        );
      }}
    </ReportSection>
  );
}
