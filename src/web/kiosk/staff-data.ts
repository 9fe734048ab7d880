/**
 * What the staff screen shows and does, behind one small interface, so the screen does not
 * depend on how the offline code keeps its records. It reads the kiosk's sync status
 * (offline/kiosk-status.ts: version, size, checks, retries, errors per tour), the saved
 * pointers (file counts) and the browser's storage estimate. The source is typed by shape
 * only, so a change in the offline module touches this file and nothing else.
 */
import { fetchFileList, removeTour, savedVersion } from '../offline/tour-store.ts';

export interface TourState {
  id: string;
  /** Saved version (content hash), or undefined when nothing is saved. */
  version?: string | undefined;
  /** A newer version downloaded whole, waiting for the next idle reset. */
  pendingVersion?: string | undefined;
  savedBytes?: number | undefined;
  savedFiles?: number | undefined;
  /** ISO times. */
  lastCheck?: string | undefined;
  lastSuccess?: string | undefined;
  /** Failed tries in a row since the last success. */
  retries?: number | undefined;
  /** Most recent last. */
  errors: string[];
}

export interface StorageState {
  usedBytes?: number | undefined;
  freeBytes?: number | undefined;
  persisted?: boolean | undefined;
}

export interface StaffData {
  tours(): Promise<TourState[]>;
  storage(): Promise<StorageState>;
  /** Looks for newer versions now (and retries what failed). */
  checkNow(): Promise<void>;
  /** Downloads a tour's copy again from scratch; false when the server does not answer. */
  downloadAgain(tourId: string): Promise<boolean>;
}

/** The part of the kiosk's offline state the staff screen needs (KioskOffline has it). */
export interface SyncSource {
  readonly status: {
    snapshot(): {
      tours: ReadonlyArray<{
        tourId: string;
        version: string | null;
        pendingVersion: string | null;
        savedBytes: number;
        lastCheck: string | null;
        lastSuccess: string | null;
        retries: number;
        errors: ReadonlyArray<{ at: string; message: string }>;
      }>;
    };
    update(tourId: string, patch: { version: null; savedBytes: 0; state: 'missing' }): void;
  };
  checkNow(): Promise<void>;
}

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;
const shortTime = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

export function kioskStaffData(source: SyncSource): StaffData {
  return {
    async tours() {
      return Promise.all(
        source.status.snapshot().tours.map(async (tour) => {
          const saved = await savedVersion(tour.tourId).catch(() => undefined);
          return {
            id: tour.tourId,
            version: orUndefined(tour.version),
            pendingVersion: orUndefined(tour.pendingVersion),
            savedBytes: tour.version === null ? undefined : tour.savedBytes,
            savedFiles: saved?.files,
            lastCheck: orUndefined(tour.lastCheck),
            lastSuccess: orUndefined(tour.lastSuccess),
            retries: tour.retries,
            errors: tour.errors.map((error) => `${shortTime(error.at)} ${error.message}`),
          };
        }),
      );
    },

    async storage() {
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
      const used = estimate?.usage;
      const quota = estimate?.quota;
      return {
        usedBytes: used,
        freeBytes:
          used !== undefined && quota !== undefined ? Math.max(0, quota - used) : undefined,
        persisted,
      };
    },

    checkNow: () => source.checkNow(),

    async downloadAgain(tourId) {
      // Only drop the saved copy once the server answers: offline, it stays as it is.
      if (!(await fetchFileList(tourId)).ok) return false;
      await removeTour(tourId);
      source.status.update(tourId, { version: null, savedBytes: 0, state: 'missing' });
      await source.checkNow();
      return source.status.snapshot().tours.some((t) => t.tourId === tourId && t.version !== null);
    },
  };
}
