import { useId } from 'react';

export interface LinePoint {
  x: number;
  /** null (or a value the caller filtered out) leaves a gap: nothing is drawn where nothing was measured. */
  y: number | null;
}

export interface LineSeries {
  id: string;
  label: string;
  /** Tailwind stroke class, e.g. `stroke-indigo-600`. */
  stroke: string;
  /** Tailwind background class for the legend swatch. */
  swatch: string;
  points: LinePoint[];
  dashed?: boolean;
}

export interface BandPoint {
  x: number;
  lower: number | null;
  upper: number | null;
}

export interface LineChartProps {
  series: LineSeries[];
  /** A shaded range, e.g. a forecast interval. */
  band?: { label: string; fill: string; swatch: string; points: BandPoint[] };
  /** Accessible name of the chart; the figures themselves are in the legend. */
  label: string;
  height?: number;
  /** Start the y axis at 0 (counts, rates, percentages) rather than at the smallest value. */
  zeroBased?: boolean;
  yMax?: number;
  formatY: (value: number) => string;
  formatX: (value: number) => string;
  testId?: string;
}

const WIDTH = 600;

/** The next 1, 2 or 5 × 10^k at or above the value, so axis labels read as round numbers. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

function domain(values: number[], zeroBased: boolean, fixedMax: number | undefined): [number, number] {
  let min = values.length ? Math.min(...values) : 0;
  let max = fixedMax ?? (values.length ? Math.max(...values) : 1);
  if (zeroBased) {
    min = Math.min(0, min);
    if (fixedMax === undefined && min === 0) max = niceCeil(max);
  }
  if (max === min) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
    max += pad;
    if (!zeroBased) min -= pad;
  }
  return [min, max];
}

function toPath(points: Array<[number, number] | null>): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${point[0].toFixed(1)} ${point[1].toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** A small SVG line chart: stretched to its box, labels in HTML so they stay readable at any width. */
export function LineChart({ series, band, label, height = 140, zeroBased = true, yMax, formatY, formatX, testId }: LineChartProps) {
  const titleId = useId();
  const xs = [...series.flatMap((s) => s.points.map((p) => p.x)), ...(band?.points.map((p) => p.x) ?? [])];
  const ys = [
    ...series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y]))),
    ...(band?.points.flatMap((p) => [p.lower, p.upper].filter((v): v is number => v !== null)) ?? []),
  ];
  const [xMin, xMax] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const [yLow, yHigh] = domain(ys, zeroBased, yMax);
  const sx = (x: number) => (xMax === xMin ? WIDTH / 2 : ((x - xMin) / (xMax - xMin)) * WIDTH);
  const sy = (y: number) => height - ((y - yLow) / (yHigh - yLow)) * height;

  const bandPath = band
    ? (() => {
        const valid = band.points.filter((p) => p.lower !== null && p.upper !== null);
        if (valid.length < 2) return '';
        const top = valid.map((p) => `${sx(p.x).toFixed(1)} ${sy(p.upper as number).toFixed(1)}`);
        const bottom = valid.map((p) => `${sx(p.x).toFixed(1)} ${sy(p.lower as number).toFixed(1)}`).reverse();
        return `M${top.join('L')}L${bottom.join('L')}Z`;
      })()
    : '';

  return (
    <figure data-testid={testId} className="flex flex-col gap-2">
      <div className="grid grid-cols-[auto_1fr] gap-x-2">
        <div className="flex flex-col justify-between text-right text-[11px] tabular-nums text-slate-600" style={{ height }} aria-hidden="true">
          <span>{formatY(yHigh)}</span>
          <span>{formatY((yHigh + yLow) / 2)}</span>
          <span>{formatY(yLow)}</span>
        </div>
        <svg
          role="img"
          aria-labelledby={titleId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="none"
          className="w-full overflow-visible rounded bg-slate-50"
          style={{ height }}
        >
          <title id={titleId}>{label}</title>
          {[0.25, 0.5, 0.75].map((f) => (
            <line key={f} x1={0} x2={WIDTH} y1={height * f} y2={height * f} className="stroke-slate-200" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          ))}
          {bandPath && <path d={bandPath} className={band?.fill} opacity={0.35} />}
          {series.map((s) => (
            <path
              key={s.id}
              d={toPath(s.points.map((p) => (p.y === null ? null : [sx(p.x), sy(p.y)])))}
              fill="none"
              className={s.stroke}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        <span />
        <div className="flex justify-between text-[11px] tabular-nums text-slate-600" aria-hidden="true">
          <span>{xs.length ? formatX(xMin) : ''}</span>
          <span>{xs.length ? formatX(xMax) : ''}</span>
        </div>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {series.map((s) => (
          <span key={s.id} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-0.5 w-4 ${s.swatch}`} />
            {s.label}
          </span>
        ))}
        {band && (
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-3 rounded-sm opacity-50 ${band.swatch}`} />
            {band.label}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
