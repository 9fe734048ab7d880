/**
 * Which files of a new tour version must cross the network. A file whose content is already
 * on the device (same SHA-256 and size, in the version in use, under any path) is copied from
 * that version's cache instead: a title-only change moves one manifest, not the whole tour.
 * Pure: the tour store carries the plan out.
 */
import type { TourFile } from './tour-files.ts';

export interface UpdatePlan {
  /** New files whose bytes are on the device: `from` is the path in the old version. */
  copy: Array<{ file: TourFile; from: string }>;
  /** New files to download. */
  download: TourFile[];
}

const contentKey = (file: TourFile): string => `${file.sha256}:${file.bytes}`;

export function planUpdate(
  wanted: readonly TourFile[],
  saved: readonly TourFile[] | undefined,
): UpdatePlan {
  const have = new Map<string, string>();
  for (const file of saved ?? [])
    if (!have.has(contentKey(file))) have.set(contentKey(file), file.path);
  const plan: UpdatePlan = { copy: [], download: [] };
  for (const file of wanted) {
    const from = have.get(contentKey(file));
    if (from === undefined) plan.download.push(file);
    else plan.copy.push({ file, from });
  }
  return plan;
}
