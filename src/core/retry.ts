/**
 * When to try again after a failure: seconds at first (a link that dropped for a moment comes
 * back soon), doubling each time, never more than once an hour apart (a kiosk whose uplink is
 * down for days must not hammer it, nor give up). Pure, so the schedule is tested as numbers.
 */

export interface BackoffOptions {
  /** Delay after the first failure, ms. */
  firstMs?: number;
  /** The longest delay, ms: a kiosk tries at least this often. */
  maxMs?: number;
  /** Growth per failure. */
  factor?: number;
  /**
   * Spread, 0–1: each delay is shortened by up to this fraction, so kiosks that lost the same
   * link at once do not all come back on the same second.
   */
  jitter?: number;
}

export const BACKOFF_FIRST_MS = 5_000;
export const BACKOFF_MAX_MS = 3_600_000;

/**
 * Delay before attempt `failures + 1`, after `failures` (≥ 1) failures in a row. `random`
 * (0–1) is injected so tests are exact; without jitter it is not used.
 */
export function backoffDelay(
  failures: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { firstMs = BACKOFF_FIRST_MS, maxMs = BACKOFF_MAX_MS, factor = 2, jitter = 0 } = options;
  const step = Math.max(0, Math.floor(failures) - 1);
  // Capped before it grows out of range: 2 ** 1000 is Infinity, not a delay.
  const raw = Math.min(maxMs, firstMs * factor ** Math.min(step, 64));
  return Math.round(raw * (1 - jitter * random()));
}
