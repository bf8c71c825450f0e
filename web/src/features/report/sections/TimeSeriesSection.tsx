import { LineChart, type LinePoint } from '../../../components/charts/LineChart';
import { ProfileChart, type ProfileBar } from '../../../components/charts/ProfileChart';
import type { Series, TimeSeries } from '../../../lib/api/insights';
import { formatNumber, formatPercent } from '../../../lib/format';
import { SECTION_IDS, seriesAnchor, type Section } from '../report-model';
import { ReportSection } from './ReportSection';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The Theil–Sen line through the series: the engine gives the slope; its intercept is, by the same method, the
 * median of value − slope × period.
 */
export function trendLine(values: Array<number | null>, slope: number): LinePoint[] {
  const intercept = median(values.flatMap((value, index) => (value === null ? [] : [value - slope * index])));
  if (intercept === null) return [];
  const first = values.findIndex((value) => value !== null);
  const last = values.length - 1 - [...values].reverse().findIndex((value) => value !== null);
  return [first, last].map((x) => ({ x, y: intercept + slope * x }));
}

/**
 * Whether every period has at most one row (a monthly statement): the row count then says nothing, and a
 * period's "average" is its value.
 */
export function onePerPeriod(timeSeries: TimeSeries): boolean {
  const rows = timeSeries.series.find((series) => series.measure === 'rows');
  return rows !== undefined && rows.values.some((v) => v !== null) && rows.values.every((v) => v === null || v <= 1);
}

/**
 * Whether the row count is the same in every complete period (a meter read every 15 minutes): its chart is a flat
 * line. Partial first and last periods hold fewer rows and are left out of the comparison.
 */
function evenRows(timeSeries: TimeSeries): boolean {
  const rows = timeSeries.series.find((series) => series.measure === 'rows');
  if (!rows) return false;
  const first = timeSeries.first_period_partial === true ? 1 : 0;
  const end = rows.values.length - (timeSeries.last_period_partial === true ? 1 : 0);
  const complete = rows.values.slice(first, end).filter((v): v is number => v !== null);
  return complete.length >= 2 && complete.every((v) => v === complete[0]);
}

/** The series worth a chart: all but the row count when each period has one row, or the same number of rows. */
export function chartedSeries(timeSeries: TimeSeries): Series[] {
  return onePerPeriod(timeSeries) || evenRows(timeSeries)
    ? timeSeries.series.filter((series) => series.measure !== 'rows')
    : timeSeries.series;
}

export function seriesTitle(series: Series, timeSeries: TimeSeries): string {
  const per = timeSeries.period ? ` per ${timeSeries.period}` : '';
  if (series.measure === 'rows') return `Rows${per}`;
  // a count to date (since 2.11) is charted by how much it grew
  if (series.aggregate === 'increase') return `Increase of ${series.measure}${per}`;
  if (onePerPeriod(timeSeries)) return `${series.measure}${per}`;
  const aggregate = series.aggregate === 'mean' ? 'Average' : series.aggregate === 'count' ? 'Count of' : 'Total';
  return `${aggregate} ${series.measure}${per}`;
}

function trendText(series: Series): string | null {
  const trend = series.trend;
  if (!trend) return null;
  if (trend.direction === 'none' || trend.significant === false) return 'No significant trend.';
  const relative = trend.relative_change;
  return `Trend ${trend.direction === 'down' ? 'down' : 'up'}: ${formatNumber(trend.slope_per_period)} per period${
    relative !== null && relative !== undefined ? ` (${formatPercent(relative * 100)} over the series)` : ''
  }.`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function positionName(kind: string, index: number): string {
  if (kind === 'weekly') return WEEKDAYS[index] ?? String(index + 1);
  if (kind === 'yearly') return MONTHS[index] ?? String(index + 1);
  return `${String(index).padStart(2, '0')}:00`;
}

/** Under its column: three letters of a day or month, every third hour. */
function shortName(kind: string, index: number): string {
  if (kind === 'daily') return index % 3 === 0 ? String(index) : '';
  return positionName(kind, index).slice(0, 3);
}

type Season = NonNullable<Series['seasonality']>[number];

/**
 * A significant season's profile: how far each weekday, month or hour lies from the average. In percent, or in
 * the measure's unit for a temperature (its percentages mean nothing).
 */
export function seasonOffsets(season: Season, inUnits: boolean): ProfileBar[] {
  const level = season.level ?? null;
  return season.profile.flatMap((ratio, index) => {
    if (ratio === null) return [];
    const offset = inUnits && level !== null ? (ratio - 1) * level : (ratio - 1) * 100;
    const sign = offset > 0 ? '+' : offset < 0 ? '−' : '';
    const size = Math.abs(offset);
    return [
      {
        label: positionName(season.kind, index),
        short: shortName(season.kind, index),
        value: offset,
        display: `${sign}${inUnits && level !== null ? formatNumber(size) : formatPercent(size)}`,
      },
    ];
  });
}

/** "Weekly pattern (η² 0.87): above or below the average" */
export function seasonTitle(season: Season, inUnits: boolean): string {
  const strength = season.strength !== null && season.strength !== undefined ? ` (η² ${season.strength.toFixed(2)})` : '';
  return `${season.kind.charAt(0).toUpperCase() + season.kind.slice(1)} pattern${strength}: ${inUnits ? 'difference from' : 'above or below'} the average`;
}

export function SeasonProfile({ season, inUnits }: { season: Season; inUnits: boolean }) {
  return (
    <div data-testid="season-profile" data-kind={season.kind}>
      <p className="text-sm font-medium text-slate-800">{seasonTitle(season, inUnits)}</p>
      <ProfileChart bars={seasonOffsets(season, inUnits)} label={`${season.kind} pattern`} />
    </div>
  );
}

function SeriesChart({ series, timeSeries }: { series: Series; timeSeries: TimeSeries }) {
  const labels = [...timeSeries.period_starts];
  const last = series.values.length - 1;
  // A file that starts or ends mid-period leaves that period short; drawn in line, it would read as a collapse.
  const partialFirst = timeSeries.first_period_partial === true && last >= 1 && series.values[0] !== null;
  const partialLast = timeSeries.last_period_partial === true && last >= 1 && series.values[last] !== null;
  const isPartial = (x: number) => (partialFirst && x === 0) || (partialLast && x === last);
  const data: LinePoint[] = series.values.map((y, x) => ({ x, y: isPartial(x) ? null : y }));
  const partialPoints: LinePoint[] = [
    ...(partialFirst ? [{ x: 0, y: series.values[0] ?? null }, { x: 1, y: series.values[1] ?? null }, { x: 1, y: null }] : []),
    ...(partialLast ? [{ x: last - 1, y: series.values[last - 1] ?? null }, { x: last, y: series.values[last] ?? null }] : []),
  ];
  const forecast = series.forecast;
  const start = labels.length;
  if (forecast) labels.push(...forecast.periods);
  const forecastPoints = forecast?.values.map((y, i) => ({ x: start + i, y })) ?? [];
  const band = forecast?.periods.map((_, i) => ({ x: start + i, lower: forecast.lower[i] ?? null, upper: forecast.upper[i] ?? null })) ?? [];
  const trend = series.trend ? trendLine(series.values, series.trend.slope_per_period) : [];
  const title = seriesTitle(series, timeSeries);
  const anomaly = series.last_period?.anomalous ? series.last_period : null;

  return (
    <article id={seriesAnchor(series.measure)} tabIndex={-1} data-testid="time-series" data-measure={series.measure} className="flex scroll-mt-4 flex-col gap-2 focus:outline-2 focus:outline-indigo-600">
      <h3 className="font-medium text-slate-900">{title}</h3>
      {trendText(series) && <p className="text-sm text-slate-700">{trendText(series)}</p>}
      <LineChart
        label={`${title}: ${series.values.length} periods${forecastPoints.length ? `, forecast of ${forecastPoints.length} more` : ''}`}
        zeroBased={false}
        formatY={formatNumber}
        formatX={(x) => labels[Math.round(x)] ?? ''}
        series={[
          { id: 'data', label: series.measure === 'rows' ? 'Rows' : series.measure, stroke: 'stroke-indigo-600', swatch: 'bg-indigo-600', points: data },
          ...(partialPoints.length ? [{ id: 'partial', label: 'Incomplete period', stroke: 'stroke-slate-400', swatch: 'bg-slate-400', points: partialPoints, dashed: true }] : []),
          ...(trend.length ? [{ id: 'trend', label: 'Trend (Theil–Sen)', stroke: 'stroke-slate-500', swatch: 'bg-slate-500', points: trend, dashed: true }] : []),
          ...(forecastPoints.length
            ? [{ id: 'forecast', label: `Forecast${forecast?.method ? ` (${forecast.method.replace(/_/g, ' ')})` : ''}`, stroke: 'stroke-amber-600', swatch: 'bg-amber-600', points: forecastPoints, dashed: true }]
            : []),
        ]}
        band={band.some((p) => p.lower !== null && p.upper !== null) ? { label: '90% forecast interval', fill: 'fill-amber-300', swatch: 'bg-amber-300', points: band } : undefined}
      />
      {anomaly && (
        <p className="text-sm text-amber-900">
          The last complete period ({anomaly.period}) is out of line: {formatNumber(anomaly.value)} against {formatNumber(anomaly.expected)} expected.
        </p>
      )}
      {series.unusual_periods?.map((stretch) => (
        <p key={stretch.from} className="text-sm text-amber-900" data-testid="unusual-period">
          {stretch.from === stretch.to ? `${stretch.from} is` : `${stretch.from} to ${stretch.to} (${stretch.periods} ${timeSeries.period ?? 'period'}s) are`} out of line:{' '}
          {formatNumber(stretch.value)}
          {stretch.periods > 1 ? ' on average' : ''} against about {formatNumber(stretch.expected)} expected.
        </p>
      ))}
      {series.seasonality
        ?.filter((season) => season.significant === true)
        .map((season) => <SeasonProfile key={season.kind} season={season} inUnits={series.interval_scale === true} />)}
      {series.change_points?.map((point) => (
        <p key={point.period} className="text-sm text-slate-700">
          Level shift at {point.period}: from {formatNumber(point.before)} to {formatNumber(point.after)}.
        </p>
      ))}
      {series.notes.map((note) => (
        <p key={note} className="text-xs text-slate-600" data-testid="series-note">
          {note}
        </p>
      ))}
    </article>
  );
}

export function TimeSeriesSection({ section }: { section: Section<TimeSeries> }) {
  return (
    <ReportSection id={SECTION_IDS.time_series} title="Over time" section={section}>
      {(timeSeries) => (
        <div className="flex flex-col gap-4">
          {timeSeries.time_column && (
            <p className="text-sm text-slate-600">
              By {timeSeries.time_column}
              {timeSeries.period && `, per ${timeSeries.period}`}
              {timeSeries.last_period_partial && '; the last period is incomplete'}
              {onePerPeriod(timeSeries) && `; one row per ${timeSeries.period ?? 'period'}, so each chart shows the values themselves`}.
            </p>
          )}
          {timeSeries.series.length === 0 ? (
            <p className="text-slate-600">{timeSeries.notes[0] ?? 'No column could be followed over time.'}</p>
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              {chartedSeries(timeSeries).map((series) => (
                <SeriesChart key={series.measure} series={series} timeSeries={timeSeries} />
              ))}
            </div>
          )}
        </div>
      )}
    </ReportSection>
  );
}
