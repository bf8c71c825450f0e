import type { Breakdown, ColumnProfile, Histogram, Series, Share, TimeSeries } from '../../lib/api/insights';
import { EMPTY, describeDelimiter, formatBytes, formatInteger, formatNumber, formatPercent, formatPValue, formatScore } from '../../lib/format';
import { describesValues, type ReportModel, type Section } from './report-model';
import { indicatorValue, label } from './sections/KpisSection';
import { bySize, outlierVerdict } from './sections/OutliersSection';
import { spanAmount } from './sections/DateSpansTable';
import { cellColours, methodName } from './sections/RelationshipsSection';
import { breakdownTitle, flagEffectLabel, isAdditive, paretoOverAllGroups } from './sections/SegmentsSection';
import { chartedSeries, seasonOffsets, seasonTitle, seriesTitle, trendLine } from './sections/TimeSeriesSection';

/*
 * The report as one self-contained HTML file: inline CSS, inline SVG, no script, no external asset, so it opens
 * the same from a mail attachment or a file share years later. Every text from the report is escaped.
 */

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
main{max-width:1100px;margin:0 auto;padding:24px 16px}h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:12px 0 6px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:16px 20px;margin:16px 0}
.muted{color:#475569;font-size:13px}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px}
.card{border:1px solid #e2e8f0;border-radius:10px;padding:10px 12px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:6px 8px;border-bottom:1px solid #f1f5f9;text-align:left;vertical-align:top}
th{background:#f8fafc}td.n{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}
.bar{display:grid;grid-template-columns:minmax(0,160px) 1fr auto;gap:8px;align-items:center;font-size:13px}
.bar span.t{height:10px;background:#f1f5f9;border-radius:2px}.bar span.t i{display:block;height:100%;background:#6366f1;border-radius:2px}
.hist{display:flex;align-items:flex-end;gap:1px;height:60px;background:#f8fafc}.hist i{flex:1;background:#6366f1;border-radius:2px 2px 0 0}
.cols{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}.alert{border-left:4px solid #f59e0b;padding:4px 10px;margin:6px 0}
.finding{border-left:4px solid #6366f1;padding:2px 10px;margin:8px 0}code{font-size:12px}
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

const e = escapeHtml;

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatNumber(value);
}

function ok<T>(section: Section<T>): T | null {
  return section.state === 'ok' ? section.data : null;
}

function bars(items: Array<{ label: string; value: number; display: string }>): string {
  const max = Math.max(0, ...items.map((item) => Math.abs(item.value)));
  return items
    .map(
      (item) =>
        `<div class="bar"><span>${e(item.label)}</span><span class="t"><i style="width:${max === 0 ? 0 : ((Math.abs(item.value) / max) * 100).toFixed(1)}%"></i></span><span>${e(item.display)}</span></div>`,
    )
    .join('');
}

function histogram(h: Histogram): string {
  const counts = h.counts.map((count) => count ?? 0);
  const max = Math.max(1, ...counts);
  return `<div class="hist">${counts.map((count) => `<i style="height:${((count / max) * 100).toFixed(1)}%" title="${formatInteger(count)}"></i>`).join('')}</div><div class="muted">${e(num(h.edges[0]))} … ${e(num(h.edges.at(-1)))}${h.scale === 'log10' ? ' (log scale)' : ''}</div>`;
}

function columnCard(column: ColumnProfile): string {
  const stats: Array<[string, string]> = [
    ['Type', column.type],
    ['Missing', `${formatInteger(column.missing_count)} (${formatPercent(column.missing_percent)})`],
    ['Distinct', formatInteger(column.distinct_count)],
  ];
  if (column.min !== null && column.min !== undefined) stats.push(['Min', typeof column.min === 'number' ? formatNumber(column.min) : column.min]);
  if (column.max !== null && column.max !== undefined) stats.push(['Max', typeof column.max === 'number' ? formatNumber(column.max) : column.max]);
  const values = describesValues(column);
  if (values && column.mean !== null && column.mean !== undefined) stats.push(['Mean', formatNumber(column.mean)]);
  const std = column.numeric?.std ?? column.std;
  if (values && std !== null && std !== undefined) stats.push(['Std dev', formatNumber(std)]);
  if (values && column.numeric?.p50 !== null && column.numeric?.p50 !== undefined) stats.push(['Median', formatNumber(column.numeric.p50)]);
  const h = values ? (column.numeric?.histogram ?? column.histogram) : undefined;
  const top = column.categories?.top_values ?? column.top_values;
  return `<div class="card"><h3>${e(column.name)}</h3><table>${stats.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>${
    h && h.counts.length ? histogram(h) : ''
  }${
    top && (top[0]?.count ?? 2) <= 1
      ? '<p>No value repeats.</p>'
      : top && top.length
        ? bars(top.map((t) => ({ label: t.value, value: t.count, display: formatInteger(t.count) })))
        : ''
  }</div>`;
}

function timeSeriesSvg(series: Series, timeSeries: TimeSeries): string {
  const forecast = series.forecast;
  const values = [...series.values, ...(forecast?.values ?? [])];
  const ys = [...values, ...(forecast?.lower ?? []), ...(forecast?.upper ?? [])].filter((v): v is number => v !== null);
  if (ys.length === 0) return '';
  const lo = Math.min(...ys);
  const hi = Math.max(...ys) === lo ? lo + 1 : Math.max(...ys);
  const n = Math.max(2, values.length);
  const x = (i: number) => ((i / (n - 1)) * 600).toFixed(1);
  const y = (v: number) => (150 - ((v - lo) / (hi - lo)) * 150).toFixed(1);
  const points = (list: Array<number | null>, start: number) =>
    list.map((v, i) => (v === null ? '' : `${x(start + i)},${y(v)}`)).filter(Boolean).join(' ');
  const offset = series.values.length;
  let band = '';
  if (forecast && forecast.lower.some((v) => v !== null)) {
    const upper = points(forecast.upper, offset);
    const lower = forecast.lower.map((v, i) => (v === null ? '' : `${x(offset + i)},${y(v)}`)).filter(Boolean).reverse().join(' ');
    band = `<polygon fill="#fcd34d" opacity=".4" points="${upper} ${lower}"/>`;
  }
  const trend = series.trend ? trendLine(series.values, series.trend.slope_per_period) : [];
  const labels = [...timeSeries.period_starts, ...(forecast?.periods ?? [])];
  return `<svg viewBox="0 0 600 150" width="100%" height="150" preserveAspectRatio="none" role="img" aria-label="${e(seriesTitle(series, timeSeries))}" style="background:#f8fafc">${band}<polyline fill="none" stroke="#4f46e5" stroke-width="2" vector-effect="non-scaling-stroke" points="${points(series.values, 0)}"/>${
    trend.length === 2 ? `<polyline fill="none" stroke="#64748b" stroke-dasharray="4 4" stroke-width="1.5" vector-effect="non-scaling-stroke" points="${trend.map((p) => `${x(p.x)},${y(p.y ?? 0)}`).join(' ')}"/>` : ''
  }${forecast ? `<polyline fill="none" stroke="#d97706" stroke-dasharray="6 4" stroke-width="2" vector-effect="non-scaling-stroke" points="${points(forecast.values, offset)}"/>` : ''}</svg><div class="muted">${e(labels[0] ?? '')} … ${e(labels.at(-1) ?? '')}${
    series.trend?.direction && series.trend.direction !== 'none' ? ` · trend ${e(series.trend.direction)}` : ''
  }${forecast ? ' · forecast with 90% interval' : ''}</div>`;
}

function shareBars(items: Share[]): string {
  return bars(items.map((item) => ({ label: item.value, value: item.total, display: `${formatNumber(item.total)}${item.share !== null && item.share !== undefined ? ` (${formatPercent(item.share * 100)})` : ''}` })));
}

/** Prices and rates: the average in each group, since their totals mean nothing. */
function meanBars(items: Share[]): string {
  return bars(items.map((item) => ({ label: item.value, value: item.mean ?? 0, display: `average ${item.mean !== null && item.mean !== undefined ? formatNumber(item.mean) : '—'}` })));
}

/** The Pareto curve over every group (report 2.4) next to an equal split; nothing for earlier reports. */
function paretoSvg(breakdown: Breakdown): string {
  const curve = paretoOverAllGroups(breakdown);
  if (curve.length < 2) return '';
  const points = curve.map((p) => `${(p.x * 600).toFixed(1)},${(100 - (p.y ?? 0) * 100).toFixed(1)}`).join(' ');
  return `<svg viewBox="0 0 600 100" width="100%" height="100" preserveAspectRatio="none" role="img" aria-label="${e(`Pareto curve of ${breakdownTitle(breakdown)}`)}" style="background:#f8fafc"><polyline fill="none" stroke="#94a3b8" stroke-dasharray="6 4" stroke-width="1.5" vector-effect="non-scaling-stroke" points="0,100 600,0"/><polyline fill="none" stroke="#059669" stroke-width="2" vector-effect="non-scaling-stroke" points="${points}"/></svg><div class="muted">Pareto: share of the total from the largest values (green) against an equal split (dashed), over all ${num(breakdown.groups)} values</div>`;
}

function heatmap(title: string, columns: string[], values: Array<Array<number | null>>): string {
  const cell = (v: number | null) => {
    const colours = cellColours(v);
    return `<td class="n" style="background:${colours.background};color:${colours.text}">${v === null ? '–' : v.toFixed(2)}</td>`;
  };
  return `<h3>${e(title)}</h3><div class="scroll"><table><tr><td></td>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>${columns
    .map((row, i) => `<tr><th>${e(row)}</th>${columns.map((_, j) => cell(values[i]?.[j] ?? null)).join('')}</tr>`)
    .join('')}</table></div>`;
}

function section(title: string, body: string): string {
  return body ? `<section><h2>${e(title)}</h2>${body}</section>` : '';
}

export interface ReportMeta {
  fileName: string;
  jobId: string;
  generatedAt: Date;
}

/** A series' significant seasons as one line each: "Weekly pattern (η² 0.87): above or below the average: Monday −10%, …". */
function seasons(series: Series): string {
  return (series.seasonality ?? [])
    .filter((season) => season.significant === true)
    .map((season) => {
      const inUnits = series.interval_scale === true;
      const offsets = seasonOffsets(season, inUnits).map((bar) => `${bar.label} ${bar.display}`);
      return `<p class="muted">${e(`${seasonTitle(season, inUnits)}: ${offsets.join(', ')}`)}</p>`;
    })
    .join('');
}

export function reportToHtml(model: ReportModel, meta: ReportMeta): string {
  const dataset = ok(model.dataset);
  const parts: string[] = [];

  if (dataset) {
    const cards: Array<[string, string]> = [
      ['Rows', formatInteger(dataset.rows)],
      ['Columns', formatInteger(dataset.columns)],
      ['File size', formatBytes(dataset.file_size_bytes)],
      ['Delimiter', describeDelimiter(dataset.delimiter)],
      ['Encoding', dataset.encoding],
    ];
    if (dataset.missing_cells_percent !== null && dataset.missing_cells_percent !== undefined) cards.push(['Missing cells', formatPercent(dataset.missing_cells_percent)]);
    if (dataset.duplicate_rows !== null && dataset.duplicate_rows !== undefined) cards.push(['Duplicate rows', formatInteger(dataset.duplicate_rows)]);
    const quality = ok(model.quality);
    if (quality?.score !== null && quality?.score !== undefined) cards.push(['Quality score', `${formatScore(quality.score)} / 100`]);
    parts.push(section('Summary', `<div class="cards">${cards.map(([k, v]) => `<div class="card"><span class="muted">${e(k)}</span><b>${e(v)}</b></div>`).join('')}</div>`));
  }

  const findings = ok(model.key_findings);
  if (findings?.length) parts.push(section('Key findings', findings.map((f) => `<p class="finding">${e(f.sentence)}</p>`).join('')));

  const kpis = ok(model.kpis);
  if (kpis?.domains.length) {
    parts.push(
      section(
        'Key figures',
        kpis.domains
          .map((d) => `<h3>${e(d.domain.replace(/_/g, ' '))}</h3><div class="cards">${d.indicators.map((k) => `<div class="card"><span class="muted">${e(label(k.name))}</span><b>${e(indicatorValue(k))}</b></div>`).join('')}</div>`)
          .join(''),
      ),
    );
  }

  const quality = ok(model.quality);
  const alerts = [...(quality?.alerts.map((a) => `${a.severity}: ${a.message}`) ?? []), ...model.warnings];
  if (alerts.length) parts.push(section('Quality and warnings', alerts.map((a) => `<p class="alert">${e(a)}</p>`).join('')));

  const columns = ok(model.columns);
  if (columns?.length) {
    const table = `<div class="scroll"><table><tr><th>Column</th><th>Type</th><th>Missing</th><th>Distinct</th><th>Min</th><th>Max</th><th>Mean</th></tr>${columns
      .map(
        (c) =>
          `<tr><th>${e(c.name)}</th><td>${e(c.type)}</td><td class="n">${formatInteger(c.missing_count)} (${formatPercent(c.missing_percent)})</td><td class="n">${formatInteger(c.distinct_count)}</td><td class="n">${e(typeof c.min === 'number' ? formatNumber(c.min) : (c.min ?? '—'))}</td><td class="n">${e(typeof c.max === 'number' ? formatNumber(c.max) : (c.max ?? '—'))}</td><td class="n">${describesValues(c) ? num(c.mean) : EMPTY}</td></tr>`,
      )
      .join('')}</table></div>`;
    parts.push(section('Column profiles', `${table}<div class="cols">${columns.map(columnCard).join('')}</div>`));
  }

  const relationships = ok(model.relationships);
  if (relationships) {
    let body = '';
    if (relationships.numeric_columns.length > 1 && relationships.pearson?.length) body += heatmap('Correlation of measures (Pearson r)', relationships.numeric_columns, relationships.pearson);
    if (relationships.categorical_columns.length > 1 && relationships.cramers_v?.length) body += heatmap('Association of categories (Cramér’s V)', relationships.categorical_columns, relationships.cramers_v);
    if (relationships.strongest_pairs.length) {
      body += `<h3>Strongest relationships</h3><ul>${relationships.strongest_pairs.map((p) => `<li>${e(p.a)} ↔ ${e(p.b)}: ${e(methodName(p.method))} = ${formatNumber(p.value)}</li>`).join('')}</ul>`;
    }
    if (relationships.dependencies.length) {
      body += `<h3>Exact dependencies</h3><ul>${relationships.dependencies.map((d) => `<li><code>${e(d.expression ?? `${d.target} ← ${d.sources.join(', ')}`)}</code></li>`).join('')}</ul>`;
    }
    if (relationships.date_spans.length) {
      const rows = relationships.date_spans.map((d) => {
        const wrong = d.reversed > 0 ? `${formatInteger(d.reversed)} (rows ${d.reversed_rows.map(formatInteger).join(', ')})` : 'none';
        const shortest = d.by?.groups[0];
        const longest = d.by?.groups[d.by.groups.length - 1];
        const by =
          d.by && shortest && longest
            ? `${e(d.by.dimension)}: ${e(spanAmount(shortest.mean, d.unit))} for ${e(shortest.value)} to ${e(spanAmount(longest.mean, d.unit))} for ${e(longest.value)}`
            : '—';
        return `<tr><th>${e(d.from)} → ${e(d.to)}</th><td class="n">${e(spanAmount(d.median, d.unit))}</td><td class="n">${e(spanAmount(d.p95, d.unit))}</td><td class="n">${e(spanAmount(d.max, d.unit))}</td><td>${wrong}</td><td>${by}</td></tr>`;
      });
      body += `<h3>Time between dates</h3><table><tr><th>From → to</th><th>Median</th><th>95 % within</th><th>Longest</th><th>Wrong order</th><th>Depends on</th></tr>${rows.join('')}</table>`;
    }
    parts.push(section('Relationships between columns', body));
  }

  const timeSeries = ok(model.time_series);
  if (timeSeries?.series.length) {
    parts.push(section('Over time', chartedSeries(timeSeries).map((s) => `<h3>${e(seriesTitle(s, timeSeries))}</h3>${timeSeriesSvg(s, timeSeries)}${seasons(s)}`).join('')));
  }

  const outliers = ok(model.outliers);
  if (outliers?.columns.length) {
    parts.push(
      section(
        'Outliers',
        `<table><tr><th>Column</th><th>Outliers</th><th>Usual range</th><th>Most extreme (row)</th></tr>${outliers.columns
          .map((o) => `<tr><th>${e(o.column)}</th><td class="n">${formatInteger(o.count)}${outlierVerdict(o) ? ` (${e(outlierVerdict(o)!)})` : ''}</td><td>${num(o.lower_fence)} to ${num(o.upper_fence)}${bySize(o) ? ' in size, either sign' : ''}</td><td>${e(o.rows.slice(0, 5).map((r) => `${num(r.value)} (${formatInteger(r.row)})`).join(', '))}</td></tr>`)
          .join('')}</table>`,
      ),
    );
  }

  const segments = ok(model.segments);
  const flagRates = segments?.flag_rates ?? [];
  const flagEffects = segments?.flag_effects ?? [];
  if (segments?.breakdowns.length || flagRates.length || flagEffects.length) {
    parts.push(
      section(
        'Segments and contributors',
        segments!.breakdowns
          .map((b) => `<h3>${e(breakdownTitle(b))}</h3>${isAdditive(b) ? shareBars(b.top) + paretoSvg(b) : meanBars(b.top)}${b.gini !== null && b.gini !== undefined ? `<p class="muted">Gini ${formatNumber(Math.round(b.gini * 100) / 100)}${b.top_fifth_share !== null && b.top_fifth_share !== undefined ? ` · largest 20% of values bring ${formatPercent(b.top_fifth_share * 100)}` : ''}</p>` : ''}`)
          .join('') +
          (flagRates.length
            ? `<h3>Where yes/no columns and open cases are concentrated</h3><table><tr><th>Flag</th><th>Where</th><th>Rate there</th><th>Elsewhere</th><th>p</th></tr>${flagRates
                .map((r) => `<tr><th>${e(r.flag)}</th><td>${e(`${r.dimension} = ${r.value}`)}</td><td class="n">${formatPercent(r.rate * 100)} (${formatInteger(r.flagged)} of ${formatInteger(r.rows)})</td><td class="n">${formatPercent(r.rest_rate * 100)}</td><td class="n">${r.p_value !== null && r.p_value !== undefined ? e(formatPValue(r.p_value)) : '—'}</td></tr>`)
                .join('')}</table>`
            : '') +
          (flagEffects.length
            ? `<h3>What yes/no columns go with</h3><table><tr><th>Flag</th><th>Measure</th><th>Compared</th><th>Difference</th><th>p</th></tr>${flagEffects
                .map((f) => `<tr><th>${e(flagEffectLabel(f))}</th><td>${e(f.measure)}</td><td>${e(f.by ? `within each ${f.by}` : 'over all rows')}</td><td class="n">${f.relative > 0 ? '+' : ''}${formatPercent(f.relative * 100)}</td><td class="n">${f.p_value !== null && f.p_value !== undefined ? e(formatPValue(f.p_value)) : '—'}</td></tr>`)
                .join('')}</table>`
            : ''),
      ),
    );
  }

  const rejects = ok(model.rejects);
  if (rejects) {
    parts.push(
      section(
        'Rows that could not be read',
        `<p>${formatInteger(rejects.rows_read)} of ${formatInteger(rejects.rows_present)} rows read, ${formatInteger(rejects.rows_rejected)} rejected.</p>${
          rejects.rows.length
            ? `<table><tr><th>Line</th><th>Problem</th><th>Row</th></tr>${rejects.rows.map((r) => `<tr><td class="n">${formatInteger(r.line)}</td><td>${e(r.reason)}</td><td><code>${e(r.raw ?? '')}</code></td></tr>`).join('')}</table>`
            : ''
        }`,
      ),
    );
  }

  const title = `Sygnify report: ${meta.fileName}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${e(title)}</h1><p class="muted">Job ${e(meta.jobId)} · report schema ${e(model.schemaVersion ?? 'unknown')} · exported ${e(meta.generatedAt.toISOString())}</p>
${parts.join('\n')}
</main></body></html>
`;
}
