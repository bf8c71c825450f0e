export interface Bar {
  label: string;
  value: number;
  /** Shown next to the bar; defaults to the value. */
  display?: string;
}

/** Horizontal bars in HTML: labels wrap at 375 px and screen readers read a plain list. */
export function BarList({ bars, label, tone = 'bg-indigo-500', testId }: { bars: Bar[]; label: string; tone?: string; testId?: string }) {
  const max = Math.max(0, ...bars.map((bar) => Math.abs(bar.value)));
  return (
    <ul aria-label={label} data-testid={testId} className="flex flex-col gap-1.5">
      {bars.map((bar, index) => (
        <li key={`${index}-${bar.label}`} className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-2 text-sm">
          <span className="truncate text-slate-800" title={bar.label}>
            {bar.label}
          </span>
          <span aria-hidden="true" className="h-3 rounded-sm bg-slate-100">
            <span className={`block h-full rounded-sm ${tone}`} style={{ width: `${max === 0 ? 0 : (Math.abs(bar.value) / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums text-slate-700">{bar.display ?? String(bar.value)}</span>
        </li>
      ))}
    </ul>
  );
}
