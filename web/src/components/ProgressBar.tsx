import { useReducedMotion } from 'motion/react';
import * as m from 'motion/react-m';

const TONES = {
  active: 'bg-indigo-600',
  success: 'bg-emerald-600',
  danger: 'bg-rose-600',
  muted: 'bg-slate-400',
} as const;

export interface ProgressBarProps {
  /** 0–100, or null while the amount is unknown. */
  value: number | null;
  label: string;
  testId?: string;
  tone?: keyof typeof TONES;
}

export function ProgressBar({ value, label, testId, tone = 'active' }: ProgressBarProps) {
  const reduceMotion = useReducedMotion();
  const clamped = value === null ? null : Math.min(100, Math.max(0, value));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped ?? undefined}
      aria-valuetext={clamped === null ? 'In progress' : `${Math.round(clamped)}%`}
      data-testid={testId}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      {clamped === null ? (
        <div className={`h-full w-1/3 animate-pulse rounded-full ${TONES[tone]}`} />
      ) : (
        <m.div
          className={`h-full rounded-full ${TONES[tone]}`}
          initial={false}
          animate={{ width: `${clamped}%` }}
          transition={reduceMotion ? { duration: 0 } : { type: 'spring', stiffness: 120, damping: 22 }}
        />
      )}
    </div>
  );
}
