export interface ProfileBar {
  /** The position in full, for screen readers and the tooltip: "Monday", "14:00". */
  label: string;
  /** The position under its column: "Mon", "14"; empty to leave the column unlabelled. */
  short: string;
  /** Offset from the average, negative below it. */
  value: number;
  display: string;
}

const COLUMN = 10;
const HALF = 50;

/**
 * Columns above and below the average, one per weekday, month or hour: a cycle reads at a glance where a list
 * of 24 bars of the same colour did not. Screen readers get the figures as a list.
 */
export function ProfileChart({ bars, label }: { bars: ProfileBar[]; label: string }) {
  const max = Math.max(Number.EPSILON, ...bars.map((bar) => Math.abs(bar.value)));
  const width = bars.length * COLUMN;
  return (
    <figure aria-label={label} className="flex flex-col gap-1">
      <svg viewBox={`0 0 ${width} ${HALF * 2}`} preserveAspectRatio="none" className="h-24 w-full" aria-hidden="true">
        {bars.map((bar, index) => {
          const height = (Math.abs(bar.value) / max) * (HALF - 2);
          return (
            <rect
              key={bar.label}
              x={index * COLUMN + 1.5}
              width={COLUMN - 3}
              y={bar.value >= 0 ? HALF - height : HALF}
              height={height}
              className={bar.value >= 0 ? 'fill-teal-500' : 'fill-rose-400'}
            >
              <title>{`${bar.label}: ${bar.display}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={HALF} y2={HALF} className="stroke-slate-400" strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
      </svg>
      <div aria-hidden="true" className="grid text-center text-[10px] text-slate-600" style={{ gridTemplateColumns: `repeat(${bars.length}, minmax(0, 1fr))` }}>
        {bars.map((bar) => (
          <span key={bar.label}>{bar.short}</span>
        ))}
      </div>
      <ul className="sr-only">
        {bars.map((bar) => (
          <li key={bar.label}>{`${bar.label}: ${bar.display}`}</li>
        ))}
      </ul>
    </figure>
  );
}
