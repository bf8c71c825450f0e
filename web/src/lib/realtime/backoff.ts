/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the delay is uniform in [0, min(cap, initial * 2^(attempt-1))], which spreads a crowd of clients
 * reconnecting after a server restart instead of having them retry in lockstep.
 */
export function backoffDelay(attempt: number, initialMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, initialMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
