import { BarList } from '../../../components/charts/BarList';
import { LineChart, type LinePoint } from '../../../components/charts/LineChart';
import type { Breakdown, FlagEffect, FlagRate, SegmentsSection as Segments, Share } from '../../../lib/api/insights';
import { formatInteger, formatNumber, formatPercent, formatPValue } from '../../../lib/format';
import { SECTION_IDS, breakdownAnchor, flagRateAnchor, type Section } from '../report-model';
import { ReportSection } from './ReportSection';

/** Whether the groups' totals mean something; prices and rates are compared by their means (report 2.2). */
export function isAdditive(breakdown: Breakdown): boolean {
  return breakdown.additive !== false;
}

function meanBars(items: Share[]) {
  return items.map((item) => ({
    label: item.value,
    value: item.mean ?? 0,
    display: `${item.mean !== null && item.mean !== undefined ? formatNumber(item.mean) : '—'} (${formatInteger(item.rows ?? 0)} rows)`,
  }));
}

function bars(items: Share[]) {
  return items.map((item) => ({
    label: item.value,
    value: item.total,
    display: `${formatNumber(item.total)}${item.share !== null && item.share !== undefined ? ` (${formatPercent(item.share * 100)})` : ''}`,
  }));
}

export function breakdownTitle(breakdown: Breakdown): string {
  if (breakdown.measure === 'rows') return `Rows by ${breakdown.dimension}`;
  return `${isAdditive(breakdown) ? '' : 'Average '}${breakdown.measure} by ${breakdown.dimension}`;
}

/** Cumulative share of the total over the largest groups, as the engine listed them (largest first). */
export function cumulativeShares(top: Share[]): number[] {
  let sum = 0;
  return top.map((item) => (sum += item.share ?? 0));
}

/** The curve over every group (report 2.4), from the origin; empty for earlier reports. */
export function paretoOverAllGroups(breakdown: Breakdown): LinePoint[] {
  const curve = breakdown.pareto ?? [];
  return curve.length === 0 ? [] : [{ x: 0, y: 0 }, ...curve.map((point) => ({ x: point.groups_share, y: point.total_share }))];
}

function ParetoChart({ breakdown, title }: { breakdown: Breakdown; title: string }) {
  const overAll = paretoOverAllGroups(breakdown);
  if (overAll.length > 1) {
    return (
      <div data-testid="pareto-chart" data-scope="all-groups" data-points={overAll.length - 1}>
        <h4 className="mb-1 text-xs font-medium text-slate-600">
          Pareto: share of the total from the largest {breakdown.dimension} values, by share of all {formatInteger(breakdown.groups ?? 0)} values
        </h4>
        <LineChart
          label={`Pareto curve of ${title} over all ${formatInteger(breakdown.groups ?? 0)} values`}
          height={100}
          yMax={1}
          formatY={(v) => formatPercent(v * 100)}
          formatX={(x) => `${formatPercent(x * 100)} of values`}
          series={[
            { id: 'pareto', label: 'Cumulative share', stroke: 'stroke-emerald-600', swatch: 'bg-emerald-600', points: overAll },
            { id: 'equal', label: 'If every value brought the same', stroke: 'stroke-slate-400', swatch: 'bg-slate-400', dashed: true, points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
          ]}
        />
      </div>
    );
  }
  const curve = cumulativeShares(breakdown.top);
  if (curve.length < 2) return null;
  return (
    <div data-testid="pareto-chart" data-scope="listed" data-points={curve.length}>
      <h4 className="mb-1 text-xs font-medium text-slate-600">Pareto: cumulative share of the total, largest first</h4>
      <LineChart
        label={`Pareto curve of ${title}`}
        height={100}
        yMax={1}
        formatY={(v) => formatPercent(v * 100)}
        formatX={(x) => breakdown.top[Math.round(x)]?.value ?? ''}
        series={[{ id: 'pareto', label: 'Cumulative share', stroke: 'stroke-emerald-600', swatch: 'bg-emerald-600', points: curve.map((y, x) => ({ x, y })) }]}
      />
    </div>
  );
}

function concentration(gini: number): string {
  return gini >= 0.6 ? 'highly concentrated' : gini >= 0.3 ? 'moderately concentrated' : 'evenly spread';
}

function BreakdownCard({ breakdown }: { breakdown: Breakdown }) {
  const title = breakdownTitle(breakdown);
  const additive = isAdditive(breakdown);
  return (
    <article
      id={breakdownAnchor(breakdown.measure, breakdown.dimension)}
      tabIndex={-1}
      data-testid="segment"
      className="flex scroll-mt-4 flex-col gap-3 rounded-lg border border-slate-200 p-4 focus:outline-2 focus:outline-indigo-600"
    >
      <h3 className="font-medium text-slate-900 first-letter:uppercase">{title}</h3>
      {!additive && (
        <p className="text-xs text-slate-600" data-testid="means-only">
          Totals of {breakdown.measure} mean nothing, so its values are compared by their average in each group.
        </p>
      )}
      {breakdown.top.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs font-medium text-slate-600">
            {additive ? 'Top contributors' : 'Highest average'}
            {breakdown.groups ? ` (of ${formatInteger(breakdown.groups)} values)` : ''}
          </h4>
          <BarList
            label={`${additive ? 'Top contributors to' : 'Highest average of'} ${title}`}
            bars={additive ? bars(breakdown.top) : meanBars(breakdown.top)}
            testId="top-contributors"
          />
        </div>
      )}
      {breakdown.bottom.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs font-medium text-slate-600">{additive ? 'Bottom contributors' : 'Lowest average'}</h4>
          <BarList
            label={`${additive ? 'Bottom contributors to' : 'Lowest average of'} ${title}`}
            bars={additive ? bars(breakdown.bottom) : meanBars(breakdown.bottom)}
            tone="bg-slate-400"
          />
        </div>
      )}
      {additive && <ParetoChart breakdown={breakdown} title={title} />}
      <p className="text-sm text-slate-700">
        {breakdown.top_fifth_share !== null && breakdown.top_fifth_share !== undefined && (
          <>The largest 20% of {breakdown.dimension} values bring {formatPercent(breakdown.top_fifth_share * 100)} of the total. </>
        )}
        {breakdown.gini !== null && breakdown.gini !== undefined && (
          <>
            Gini {formatNumber(Math.round(breakdown.gini * 100) / 100)} ({concentration(breakdown.gini)}).{' '}
          </>
        )}
        {breakdown.means_differ && breakdown.eta_squared !== null && breakdown.eta_squared !== undefined && (
          <>The average {breakdown.measure} differs by {breakdown.dimension} (η² = {formatNumber(Math.round(breakdown.eta_squared * 100) / 100)}).</>
        )}
      </p>
    </article>
  );
}

/** Where a yes/no column (attrition, fraud) is far more often true, or a later date (a termination) more often set: one row per flag and dimension. */
export function FlagRatesTable({ rates }: { rates: FlagRate[] }) {
  return (
    <div className="overflow-x-auto">
      <h3 className="font-medium text-slate-900">Where yes/no columns and open cases are concentrated</h3>
      <table className="mt-2 w-full text-sm" data-testid="flag-rates">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Flag</th>
            <th scope="col" className="py-1 pr-3 font-medium">Where</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Rate there</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Elsewhere</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">p</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((rate) => (
            <tr key={`${rate.flag}|${rate.dimension}`} id={flagRateAnchor(rate.flag, rate.dimension)} tabIndex={-1} className="border-t border-slate-100 scroll-mt-4">
              <th scope="row" className="py-1 pr-3 text-left font-medium text-slate-800">{rate.flag}</th>
              <td className="py-1 pr-3 text-slate-800">{`${rate.dimension} = ${rate.value}`}</td>
              <td className="py-1 pr-3 text-right tabular-nums text-slate-800">
                {`${formatPercent(rate.rate * 100)} (${formatInteger(rate.flagged)} of ${formatInteger(rate.rows)})`}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums text-slate-800">{formatPercent(rate.rest_rate * 100)}</td>
              <td className="py-1 pr-3 text-right tabular-nums text-slate-600">
                {rate.p_value !== null && rate.p_value !== undefined ? formatPValue(rate.p_value) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "promo = yes", "gender = F vs M". */
export function flagEffectLabel(effect: FlagEffect): string {
  if (!effect.value) return effect.flag;
  return `${effect.flag} = ${effect.value}${effect.other_value ? ` vs ${effect.other_value}` : ''}`;
}

/** What a yes/no column goes with: a measure's means with and without it, compared within groups where one explains the measure. */
export function FlagEffectsTable({ effects }: { effects: FlagEffect[] }) {
  return (
    <div className="overflow-x-auto">
      <h3 className="font-medium text-slate-900">What yes/no columns go with</h3>
      <table className="mt-2 w-full text-sm" data-testid="flag-effects">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Flag</th>
            <th scope="col" className="py-1 pr-3 font-medium">Measure</th>
            <th scope="col" className="py-1 pr-3 font-medium">Compared</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Difference</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">p</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((effect) => (
            <tr key={`${effect.flag}|${effect.measure}`} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-medium text-slate-800">{flagEffectLabel(effect)}</th>
              <td className="py-1 pr-3 text-slate-800">{effect.measure}</td>
              <td className="py-1 pr-3 text-slate-800">{effect.by ? `within each ${effect.by}` : 'over all rows'}</td>
              <td className="py-1 pr-3 text-right tabular-nums text-slate-800">
                {`${effect.relative > 0 ? '+' : ''}${formatPercent(effect.relative * 100)}`}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums text-slate-600">
                {effect.p_value !== null && effect.p_value !== undefined ? formatPValue(effect.p_value) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SegmentsSection({ section }: { section: Section<Segments> }) {
  return (
    <ReportSection id={SECTION_IDS.segments} title="Segments and contributors" section={section}>
      {(segments) => (
        <div className="flex flex-col gap-3">
          {segments.breakdowns.length === 0 ? (
            <p className="text-slate-600">No category splits the data in a useful way.</p>
          ) : (
            <div className="grid gap-4 lg:grid-cols-2">
              {segments.breakdowns.map((breakdown) => (
                <BreakdownCard key={`${breakdown.measure}|${breakdown.dimension}`} breakdown={breakdown} />
              ))}
            </div>
          )}
          {segments.flag_rates && segments.flag_rates.length > 0 && <FlagRatesTable rates={segments.flag_rates} />}
          {segments.flag_effects?.length > 0 && <FlagEffectsTable effects={segments.flag_effects} />}
          {segments.notes.map((note) => (
            <p key={note} className="text-sm text-slate-600">
              {note}
            </p>
          ))}
        </div>
      )}
    </ReportSection>
  );
}
