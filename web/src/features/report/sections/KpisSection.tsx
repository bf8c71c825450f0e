import type { Indicator, KpisSection as Kpis } from '../../../lib/api/insights';
import { EMPTY, formatNumber, formatPercent } from '../../../lib/format';
import { SECTION_IDS, type Section } from '../report-model';
import { KpiDetail, isWideDetail } from './KpiDetail';
import { ReportSection } from './ReportSection';

export function indicatorValue(indicator: Indicator): string {
  const value = indicator.value;
  if (value === null || value === undefined) return EMPTY;
  switch (indicator.unit) {
    case 'ratio':
      return formatPercent(value * 100);
    case 'percent':
      return formatPercent(value);
    case 'count':
      return formatNumber(Math.round(value));
    // a Sharpe ratio or a deviation judged against published thresholds (Benford: 0.006 …): shown as it is
    case 'statistic':
    case 'currency':
    case null:
    case undefined:
      return formatNumber(value);
    default:
      return `${formatNumber(value)} ${indicator.unit}`;
  }
}

const ACRONYMS: Record<string, string> = { mad: 'MAD', rfm: 'RFM', aov: 'AOV', roi: 'ROI', cagr: 'CAGR', ltv: 'LTV', id: 'ID' };

export function label(name: string): string {
  const words = name.split('_').map((word) => ACRONYMS[word.toLowerCase()] ?? word).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function KpisSection({ section }: { section: Section<Kpis> }) {
  return (
    <ReportSection id={SECTION_IDS.kpis} title="Key figures" section={section}>
      {(kpis) => (
        <div className="flex flex-col gap-4">
          {kpis.domains.length === 0 && <p className="text-slate-600">No domain figures apply to this file.</p>}
          {kpis.domains.map((domain) => (
            <div key={domain.domain} data-testid="kpi-domain" data-domain={domain.domain}>
              <h3 className="text-sm font-semibold text-slate-800">
                {label(domain.domain)}
                {domain.columns && Object.keys(domain.columns).length > 0 && (
                  <span className="ml-2 font-normal text-slate-600">
                    from {Object.entries(domain.columns).map(([role, column]) => `${column} (${role.replace(/_/g, ' ')})`).join(', ')}
                  </span>
                )}
              </h3>
              <ul className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {domain.indicators.map((indicator) => (
                  <li
                    key={indicator.name}
                    data-testid="kpi"
                    className={`min-w-0 rounded-lg border border-slate-200 p-3 ${isWideDetail(indicator.detail) ? 'sm:col-span-2' : ''}`}
                  >
                    <p className="text-xs font-medium text-slate-600">{label(indicator.name)}</p>
                    {indicator.value !== null && indicator.value !== undefined && (
                      <p className="mt-1 text-xl font-bold tabular-nums text-slate-900">{indicatorValue(indicator)}</p>
                    )}
                    {indicator.note && <p className="mt-1 text-xs text-slate-600">{indicator.note}</p>}
                    <KpiDetail detail={indicator.detail} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {kpis.domains.length === 0 &&
            kpis.notes.map((note) => (
              <p key={note} className="text-sm text-slate-600">
                {note}
              </p>
            ))}
        </div>
      )}
    </ReportSection>
  );
}
