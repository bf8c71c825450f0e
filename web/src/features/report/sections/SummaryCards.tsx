import type { DatasetSummary, Rejects } from '../../../lib/api/insights';
import { formatBytes, formatInteger, formatPercent, formatScore } from '../../../lib/format';
import type { ReportModel } from '../report-model';

interface Card {
  label: string;
  value: string;
  detail?: string;
  tone?: 'warn' | 'good';
}

function cardsOf(dataset: DatasetSummary | null, rejects: Rejects | null, qualityScore: number | null | undefined): Card[] {
  const cards: Card[] = [];
  if (dataset) {
    cards.push({ label: 'Rows', value: formatInteger(dataset.rows) });
    cards.push({ label: 'Columns', value: formatInteger(dataset.columns) });
    cards.push({ label: 'File size', value: formatBytes(dataset.file_size_bytes) });
    if (dataset.missing_cells_percent !== undefined && dataset.missing_cells_percent !== null) {
      cards.push({
        label: 'Missing cells',
        value: formatPercent(dataset.missing_cells_percent),
        detail: dataset.missing_cells !== undefined && dataset.missing_cells !== null ? `${formatInteger(dataset.missing_cells)} cells` : undefined,
        tone: dataset.missing_cells_percent > 5 ? 'warn' : undefined,
      });
    }
    if (dataset.duplicate_rows !== undefined && dataset.duplicate_rows !== null) {
      cards.push({ label: 'Duplicate rows', value: formatInteger(dataset.duplicate_rows), tone: dataset.duplicate_rows > 0 ? 'warn' : undefined });
    }
  }
  const rejected = rejects?.rows_rejected ?? dataset?.rows_rejected;
  if (rejected !== undefined && rejected !== null) {
    cards.push({ label: 'Rejected rows', value: formatInteger(rejected), tone: rejected > 0 ? 'warn' : undefined });
  }
  if (qualityScore !== undefined && qualityScore !== null) {
    cards.push({ label: 'Quality score', value: `${formatScore(qualityScore)} / 100`, tone: qualityScore >= 80 ? 'good' : 'warn' });
  }
  return cards;
}

const TONES = { warn: 'border-amber-300 bg-amber-50', good: 'border-emerald-300 bg-emerald-50' } as const;

/** The headline figures, each read from the report; a figure the report lacks is not shown. */
export function SummaryCards({ model }: { model: ReportModel }) {
  const cards = cardsOf(
    model.dataset.state === 'ok' ? model.dataset.data : null,
    model.rejects.state === 'ok' ? model.rejects.data : null,
    model.quality.state === 'ok' ? model.quality.data.score : null,
  );
  if (cards.length === 0) return null;
  return (
    <section id="report-summary" aria-label="Summary" data-testid="summary-cards">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))]">
        {cards.map((card) => (
          <li key={card.label} data-card={card.label} className={`rounded-xl border p-4 shadow-sm ${card.tone ? TONES[card.tone] : 'border-slate-200 bg-white'}`}>
            <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{card.label}</p>
            <p className="mt-1 text-xl font-bold tabular-nums text-slate-900">{card.value}</p>
            {card.detail && <p className="text-xs text-slate-600">{card.detail}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
