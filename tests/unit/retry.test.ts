import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../src/core/retry.ts';

describe('the retry backoff', () => {
  it('starts at seconds and doubles', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('never waits more than an hour, however many failures', () => {
    expect(backoffDelay(11)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1_000)).toBe(3_600_000);
    const days = Array.from({ length: 500 }, (_, i) => backoffDelay(i + 1));
    expect(Math.max(...days)).toBe(3_600_000);
    // Tried again forever: a week of failures is still about one try an hour.
    expect(days.every((delay) => Number.isFinite(delay) && delay > 0)).toBe(true);
  });

  it('spreads kiosks with jitter, only ever earlier', () => {
    expect(backoffDelay(3, { jitter: 0.2 }, () => 0)).toBe(20_000);
    expect(backoffDelay(3, { jitter: 0.2 }, () => 1)).toBe(16_000);
    expect(backoffDelay(50, { jitter: 0.2 }, () => 0.5)).toBe(3_240_000);
  });

  it('takes its own first delay and ceiling', () => {
    expect(backoffDelay(1, { firstMs: 1_000, maxMs: 3_000 })).toBe(1_000);
    expect(backoffDelay(4, { firstMs: 1_000, maxMs: 3_000 })).toBe(3_000);
    expect(backoffDelay(0)).toBe(5_000);
  });
});
