/**
 * Exponential backoff with equal jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): the delay is
 * uniform in [ceiling / 2, ceiling], ceiling = min(cap, initial * 2^(attempt-1)). The jitter spreads a crowd of
 * pages reconnecting after a server restart; the lower half bound keeps each page trying for at least half the
 * schedule (15.5 s over the default 5 attempts), where full jitter could give up within a second and leave the
 * page offline after a short restart.
 */
export function backoffDelay(attempt: number, initialMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, initialMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
