/** The fastest and slowest pace of the execution monitor's polling. */
export const POLL_MIN_MS = 500;
export const POLL_MAX_MS = 4000;

/**
 * How long to wait before the next poll: back to the fastest pace when something changed,
 * otherwise twice the last wait, up to the slowest pace.
 */
export function nextPollDelay(previousMs: number, changed: boolean): number {
  if (changed) return POLL_MIN_MS;
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, previousMs * 2));
}
