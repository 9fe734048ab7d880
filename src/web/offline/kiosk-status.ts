/**
 * What a kiosk knows about its saved tours, for staff (the staff screen reads it) and for the
 * small mark on the attract screen: per tour the version in use, its size, the last check,
 * the last successful update, failures in a row and the last errors. One object per kiosk,
 * created by `prepareKioskOffline`; it fires `change` on every update and keeps itself in
 * `localStorage` (scoped by the app's base URL) so retries and errors survive the reload
 * that swaps an update in.
 */
import { scopeTag } from '../../core/publish/tour-files.ts';

/** What the kiosk is doing about one tour. */
export type TourSyncState =
  /** The saved copy is the published version (as of the last check). */
  | 'saved'
  /** Checking the published version, or downloading it. */
  | 'updating'
  /** A newer version is downloaded whole, waiting for nobody to be using the kiosk. */
  | 'pending'
  /** The last try failed; another is scheduled (`nextRetryAt`). */
  | 'retrying'
  /** No saved copy yet, nothing running (offline, or not started). */
  | 'missing';

export interface TourErrorEntry {
  /** ISO time. */
  at: string;
  /** Plain text for staff, e.g. `network: audio/en/louvre.mp3`. */
  message: string;
}

export interface TourStatus {
  tourId: string;
  state: TourSyncState;
  /** Version in use (the saved copy), or null when none is saved. */
  version: string | null;
  /** Bytes of the saved copy. */
  savedBytes: number;
  /** A downloaded version not yet swapped in. */
  pendingVersion: string | null;
  /** ISO times: last check of the published version (successful or not), last swap. */
  lastCheck: string | null;
  lastSuccess: string | null;
  /** Failed tries in a row since the last success (0 when whole and current). */
  retries: number;
  /** ISO time of the next scheduled try, when retrying. */
  nextRetryAt: string | null;
  /** The last errors, newest last (at most `MAX_ERRORS`). */
  errors: TourErrorEntry[];
}

export interface KioskStatusSnapshot {
  tours: TourStatus[];
  /** A new app version is waiting for the next idle moment. */
  appUpdateWaiting: boolean;
}

export const MAX_ERRORS = 5;

const blank = (tourId: string): TourStatus => ({
  tourId,
  state: 'missing',
  version: null,
  savedBytes: 0,
  pendingVersion: null,
  lastCheck: null,
  lastSuccess: null,
  retries: 0,
  nextRetryAt: null,
  errors: [],
});

export class KioskStatus extends EventTarget {
  private readonly tours = new Map<string, TourStatus>();
  private appUpdateWaiting = false;
  private readonly storageKey: string | undefined;

  /** `scope` (the app's base URL) keys the kept copy; none keeps nothing (tests). */
  constructor(tourIds: readonly string[], scope?: string) {
    super();
    this.storageKey = scope ? `kiosk-status:${scopeTag(scope)}` : undefined;
    const kept = this.load();
    for (const id of tourIds) {
      const old = kept.find((tour) => tour.tourId === id);
      // What was running before a reload is not running now.
      const state = old?.state === 'updating' || old?.state === 'pending' ? 'missing' : old?.state;
      this.tours.set(id, { ...blank(id), ...old, state: state ?? 'missing', pendingVersion: null });
    }
  }

  snapshot(): KioskStatusSnapshot {
    return {
      tours: [...this.tours.values()].map((tour) => ({ ...tour, errors: [...tour.errors] })),
      appUpdateWaiting: this.appUpdateWaiting,
    };
  }

  tour(tourId: string): TourStatus | undefined {
    const tour = this.tours.get(tourId);
    return tour ? { ...tour, errors: [...tour.errors] } : undefined;
  }

  /** Whether every tour has a saved copy and nothing is failing: what the mark shows. */
  get healthy(): boolean {
    return [...this.tours.values()].every(
      (tour) => tour.version !== null && tour.state !== 'retrying' && tour.state !== 'missing',
    );
  }

  update(tourId: string, patch: Partial<Omit<TourStatus, 'tourId' | 'errors'>>): void {
    const tour = this.tours.get(tourId);
    if (!tour) return;
    Object.assign(tour, patch);
    this.changed();
  }

  recordError(tourId: string, message: string, at = new Date()): void {
    const tour = this.tours.get(tourId);
    if (!tour) return;
    tour.errors = [...tour.errors, { at: at.toISOString(), message }].slice(-MAX_ERRORS);
    this.changed();
  }

  setAppUpdateWaiting(waiting: boolean): void {
    if (this.appUpdateWaiting === waiting) return;
    this.appUpdateWaiting = waiting;
    this.changed();
  }

  private changed(): void {
    if (this.storageKey) {
      try {
        localStorage.setItem(this.storageKey, JSON.stringify([...this.tours.values()]));
      } catch {
        // Storage full or refused: the status is still right in memory.
      }
    }
    this.dispatchEvent(new Event('change'));
  }

  private load(): TourStatus[] {
    if (!this.storageKey) return [];
    try {
      const kept = JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as unknown;
      return Array.isArray(kept) ? (kept as TourStatus[]) : [];
    } catch {
      return [];
    }
  }
}
