/**
 * Which draft snapshots to keep (issue 17, item 1): drafts are a history, never one slot, and
 * pruning must never drop the state a volunteer walked away from. Pure, so the rule is tested
 * on its own (tests/unit/editor-draft-history.test.ts); drafts.ts applies it in IndexedDB.
 *
 * Kept: the newest `KEEP_RECENT` snapshots; and, for a week, the newest snapshot of every clock
 * hour and the last snapshot of every visit (page load). The visit rule is what saves an
 * ignored restore offer: the state before the tab was closed is the last of its visit, however
 * many changes come after it in the same hour.
 */

export const KEEP_RECENT = 50;
export const HOUR_MS = 60 * 60 * 1000;
export const KEEP_HOURLY_FOR_MS = 7 * 24 * HOUR_MS;

/** What pruning needs of a snapshot: when it was written, and by which visit. */
export interface SnapshotStamp {
  savedAt: number;
  /** The page load that wrote it. */
  session: string;
}

/** The snapshots to delete, out of all of one tour's (any order); `now` in ms since 1970. */
export function snapshotsToDrop<T extends SnapshotStamp>(
  snapshots: readonly T[],
  now: number,
): T[] {
  const newestFirst = [...snapshots].sort((a, b) => b.savedAt - a.savedAt);
  const keep = new Set<T>(newestFirst.slice(0, KEEP_RECENT));
  const hours = new Set<number>();
  const sessions = new Set<string>();
  for (const snapshot of newestFirst) {
    if (now - snapshot.savedAt > KEEP_HOURLY_FOR_MS) continue;
    const hour = Math.floor(snapshot.savedAt / HOUR_MS);
    if (!hours.has(hour)) {
      hours.add(hour);
      keep.add(snapshot);
    }
    if (!sessions.has(snapshot.session)) {
      sessions.add(snapshot.session);
      keep.add(snapshot);
    }
  }
  return newestFirst.filter((snapshot) => !keep.has(snapshot));
}
