import type { DatasetSummary as Dataset } from '../../lib/api/insights';
import { describeDelimiter, describeQuote, formatBytes, formatInteger } from '../../lib/format';

export function DatasetSummary({ dataset }: { dataset: Dataset }) {
  const facts: Array<[string, string]> = [
    ['Rows', formatInteger(dataset.rows)],
    ['Columns', formatInteger(dataset.columns)],
    ['File size', formatBytes(dataset.file_size_bytes)],
    ['Delimiter', describeDelimiter(dataset.delimiter)],
    ['Quote', describeQuote(dataset.quote)],
    ['Header row', dataset.has_header ? 'Yes' : 'No'],
    ['Encoding', dataset.encoding],
  ];
  return (
    <section aria-labelledby="dataset-heading" className="card">
      <h2 id="dataset-heading" className="text-lg font-semibold text-slate-900">
        Dataset
      </h2>
      <dl data-testid="dataset-summary" className="mt-4 grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4 lg:grid-cols-7">
        {facts.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
            <dd data-field={term.toLowerCase().replace(/\s+/g, '-')} className="mt-1 truncate text-base font-semibold text-slate-900" title={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
