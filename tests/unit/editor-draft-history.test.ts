/**
 * The editor's draft history keeps what a volunteer could want back (issue 17, item 1): the
 * last 50 changes, one per hour for a week, and the last state of every visit.
 */
import { describe, expect, it } from 'vitest';
import {
  HOUR_MS,
  KEEP_HOURLY_FOR_MS,
  KEEP_RECENT,
  snapshotsToDrop,
  type SnapshotStamp,
} from '../../src/editor/draft-history.ts';

const NOW = Date.UTC(2026, 11, 1, 22, 0, 0);
const MINUTE = 60_000;

/** `count` snapshots of one visit, one a minute, the last one `endsAgo` ms before NOW. */
function visit(session: string, count: number, endsAgo: number): SnapshotStamp[] {
  return Array.from({ length: count }, (_, i) => ({
    session,
    savedAt: NOW - endsAgo - (count - 1 - i) * MINUTE,
  }));
}

const kept = (all: SnapshotStamp[]) => {
  const dropped = new Set(snapshotsToDrop(all, NOW));
  return all.filter((snapshot) => !dropped.has(snapshot));
};

describe('draft history pruning', () => {
  it('keeps everything while there are at most 50 snapshots', () => {
    expect(snapshotsToDrop(visit('a', KEEP_RECENT, 0), NOW)).toEqual([]);
  });

  it('keeps the newest 50 of one busy hour and drops the older ones of that hour', () => {
    // 80 changes in one visit, 20 s apart, all inside the same clock hour.
    const all = Array.from({ length: 80 }, (_, i) => ({
      session: 'a',
      savedAt: NOW - 30 * MINUTE + i * 20_000,
    }));
    const left = kept(all);
    expect(left).toHaveLength(KEEP_RECENT);
    expect(Math.min(...left.map((s) => s.savedAt))).toBe(all[30]!.savedAt);
  });

  it('keeps the last state of an earlier visit, however many changes follow it', () => {
    // The tester's sequence: a visit ends with 3 scenes; the next visit ignores the offer and
    // makes 200 changes in the same hour.
    const earlier = visit('first', 5, 55 * MINUTE);
    const later = Array.from({ length: 200 }, (_, i) => ({
      session: 'second',
      savedAt: NOW - 54 * MINUTE + i * 1000,
    }));
    const left = kept([...earlier, ...later]);
    expect(left).toContainEqual(earlier.at(-1));
    expect(left.filter((s) => s.session === 'first')).toHaveLength(1);
  });

  it('keeps one snapshot per hour for a week, then only the newest 50', () => {
    // One change every 10 minutes for 10 days, all in one visit.
    const all = Array.from({ length: 6 * 24 * 10 }, (_, i) => ({
      session: 'long',
      savedAt: NOW - i * 10 * MINUTE,
    }));
    const left = kept(all);
    const old = left.filter((s) => NOW - s.savedAt > KEEP_HOURLY_FOR_MS);
    const week = left.filter((s) => NOW - s.savedAt <= KEEP_HOURLY_FOR_MS);
    expect(old).toEqual([]);
    const hours = new Set(week.map((s) => Math.floor(s.savedAt / HOUR_MS)));
    // Every hour of the week has its snapshot (the 50 newest cover the last hours fully).
    expect(hours.size).toBeGreaterThanOrEqual(7 * 24);
    expect(left.length).toBeLessThan(KEEP_RECENT + 7 * 24 + 2);
    // The newest snapshot of an hour is the one kept.
    const dayAgoHour = Math.floor((NOW - 24 * HOUR_MS - 1) / HOUR_MS);
    const ofThatHour = all.filter((s) => Math.floor(s.savedAt / HOUR_MS) === dayAgoHour);
    expect(left.filter((s) => Math.floor(s.savedAt / HOUR_MS) === dayAgoHour)).toEqual([
      ofThatHour.reduce((a, b) => (a.savedAt > b.savedAt ? a : b)),
    ]);
  });

  it('forgets a visit older than a week unless it is among the newest 50', () => {
    const ancient = visit('ancient', 1, KEEP_HOURLY_FOR_MS + HOUR_MS);
    const recent = visit('recent', KEEP_RECENT, 0);
    expect(snapshotsToDrop([...ancient, ...recent], NOW)).toEqual(ancient);
    expect(snapshotsToDrop([...ancient, ...visit('recent', 10, 0)], NOW)).toEqual([]);
  });
});
