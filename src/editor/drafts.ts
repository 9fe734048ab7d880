/**
 * Drafts in IndexedDB, as a history (issue 17, item 1): every change is appended as a snapshot
 * of its own, so a restore offer left unanswered is never overwritten by the work that follows.
 * Only the typing of one field replaces the snapshot this same visit wrote for it (a snapshot
 * per keystroke would push everything else out). Old snapshots go by the rule of
 * draft-history.ts. Snapshots hold the manifest only, never pictures: the list shows the start
 * scene's panorama from the tour folder.
 */
import type { Tour } from '../core/manifest/schema.ts';
import { snapshotsToDrop } from './draft-history.ts';

export interface DraftSnapshot {
  tourId: string;
  tour: Tour;
  /** When the snapshot was written (ms since 1970); unique per tour. */
  savedAt: number;
  /** The page load that wrote it. */
  session: string;
}

/** A snapshot's key: [tourId, savedAt, session] (the key alone is enough to prune). */
type Key = [string, number, string];

const DB_NAME = 'heritage-tour-editor';
/** Version 1 held one draft per tour in `drafts`; it becomes the first snapshot of each. */
const DB_VERSION = 2;
const OLD_STORE = 'drafts';
export const SNAPSHOTS = 'snapshots';

const keyOf = (s: DraftSnapshot): Key => [s.tourId, s.savedAt, s.session];
const rangeOf = (tourId: string) => IDBKeyRange.bound([tourId, -Infinity], [tourId, Infinity]);

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const snapshots = db.createObjectStore(SNAPSHOTS, {
        keyPath: ['tourId', 'savedAt', 'session'],
      });
      if (event.oldVersion < 1 || !db.objectStoreNames.contains(OLD_STORE)) return;
      const old = request.transaction?.objectStore(OLD_STORE);
      const all = old?.getAll();
      if (!all) return;
      all.onsuccess = () => {
        for (const draft of all.result as Array<Omit<DraftSnapshot, 'session'>>) {
          snapshots.put({ ...draft, session: 'before-history' });
        }
        db.deleteObjectStore(OLD_STORE);
      };
    };
    // A tab of an older editor holding version 1 open blocks the upgrade: this write fails
    // (the next one tries again) rather than waiting, and a late success is closed at once.
    let blocked = false;
    request.onsuccess = () => (blocked ? request.result.close() : resolve(request.result));
    request.onerror = () => reject(request.error);
    request.onblocked = () => {
      blocked = true;
      reject(new Error('drafts database blocked by another tab'));
    };
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore, done: (value: T) => void) => void,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(SNAPSHOTS, mode);
      let value: T | undefined;
      action(transaction.objectStore(SNAPSHOTS), (result) => (value = result));
      transaction.oncomplete = () => resolve(value as T);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

export class DraftStore {
  /** This page load, as the snapshots name it. */
  readonly session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private lastSavedAt = 0;
  /** This visit's last snapshot, and the field typing it holds (to replace, not append). */
  private last: { snapshot: DraftSnapshot; mergeKey: string | undefined } | undefined;
  private writes: Promise<unknown> = Promise.resolve();

  /**
   * Keeps the state after a change, in order with the changes before it. Typing on in one
   * field (same `mergeKey` as the last change) replaces this visit's last snapshot.
   */
  keep(tourId: string, tour: Tour, mergeKey?: string): Promise<void> {
    const write = this.writes.then(async () => {
      const last = this.last;
      const merging =
        last !== undefined &&
        last.snapshot.tourId === tourId &&
        mergeKey !== undefined &&
        last.mergeKey === mergeKey;
      const snapshot = await this.append(tourId, tour, merging ? last.snapshot : undefined);
      this.last = { snapshot, mergeKey };
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every change kept so far is in IndexedDB. */
  flushed(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  /** The newest snapshot of a tour. */
  latest(tourId: string): Promise<DraftSnapshot | undefined> {
    return run<DraftSnapshot | undefined>('readonly', (store, done) => {
      const cursor = store.openCursor(rangeOf(tourId), 'prev');
      cursor.onsuccess = () => done(cursor.result?.value as DraftSnapshot | undefined);
    });
  }

  /** Every snapshot of a tour, newest first. */
  async list(tourId: string): Promise<DraftSnapshot[]> {
    const all = await run<DraftSnapshot[]>('readonly', (store, done) => {
      const request = store.getAll(rangeOf(tourId));
      request.onsuccess = () => done(request.result as DraftSnapshot[]);
    });
    return all.reverse();
  }

  /**
   * Appends `tour` as a new snapshot of this visit, or in place of `replacing` (one of this
   * visit's own, never an earlier visit's), and prunes the tour's history in the same step.
   */
  append(tourId: string, tour: Tour, replacing?: DraftSnapshot): Promise<DraftSnapshot> {
    // Unique and increasing, even for two changes in one millisecond.
    const savedAt = Math.max(Date.now(), this.lastSavedAt + 1);
    this.lastSavedAt = savedAt;
    const snapshot: DraftSnapshot = { tourId, tour, savedAt, session: this.session };
    return run<DraftSnapshot>('readwrite', (store, done) => {
      if (replacing && replacing.session === this.session) store.delete(keyOf(replacing));
      store.put(snapshot);
      const keys = store.getAllKeys(rangeOf(tourId));
      keys.onsuccess = () => {
        const stamps = (keys.result as Key[]).map((key) => ({
          key,
          savedAt: key[1],
          session: key[2],
        }));
        for (const drop of snapshotsToDrop(stamps, savedAt)) store.delete(drop.key);
        done(snapshot);
      };
    });
  }
}
