import type { ProgressSample } from '../../../lib/realtime/job-live-state';

/** The pace is measured over this much of the most recent progress: long enough to smooth, short enough to follow a stage change. */
export const ETA_WINDOW_SECONDS = 30;
/** Below this the rate is noise: a couple of events a moment apart. */
export const MIN_SPAN_SECONDS = 2;
export const MIN_PROGRESS_GAIN = 1;

export interface Eta {
  /** Seconds left, as of `asOf`. */
  remainingSeconds: number;
  /** Percentage points per second over the window. */
  ratePerSecond: number;
  /** Server time (epoch seconds) of the newest sample the estimate is based on. */
  asOf: number;
}

/**
 * Estimates time left from the progress the server reported and when it reported it (server timestamps,
 * so the reader's clock does not matter). Null until the samples span enough time and progress to measure a
 * rate: an estimate is never made up from nothing.
 */
export function estimateEta(samples: readonly ProgressSample[]): Eta | null {
  const last = samples.at(-1);
  if (!last || last.progress >= 100) return null;
  const windowStart = last.at - ETA_WINDOW_SECONDS;
  let first: ProgressSample | undefined;
  for (const sample of samples) {
    if (sample.at >= windowStart) {
      first = sample;
      break;
    }
  }
  // Too few samples inside the window: fall back to the newest one before it, so a slow job still gets a span.
  if (!first || last.at - first.at < MIN_SPAN_SECONDS) {
    first = [...samples].reverse().find((sample) => last.at - sample.at >= MIN_SPAN_SECONDS);
  }
  if (!first) return null;
  const span = last.at - first.at;
  const gain = last.progress - first.progress;
  if (span < MIN_SPAN_SECONDS || gain < MIN_PROGRESS_GAIN) return null;
  const ratePerSecond = gain / span;
  return { remainingSeconds: (100 - last.progress) / ratePerSecond, ratePerSecond, asOf: last.at };
}

/** "about 40 s", "about 3 min": an estimate should not read more precise than it is. */
export function formatEta(seconds: number): string {
  if (seconds < 5) return 'a few seconds';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s`;
  if (seconds < 3600) {
    const minutes = Math.round(seconds / 60);
    return `about ${minutes} min`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds - hours * 3600) / 60);
  return minutes === 0 ? `about ${hours} h` : `about ${hours} h ${minutes} min`;
}
