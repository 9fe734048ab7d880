/** Drafts in IndexedDB, one per tour: every change is kept until it is saved. */
import type { Tour } from '../core/manifest/schema.ts';

export interface Draft {
  tourId: string;
  tour: Tour;
  /** When the draft was written (ms since 1970). */
  savedAt: number;
}

const DB_NAME = 'heritage-tour-editor';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'tourId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export class DraftStore {
  get(tourId: string): Promise<Draft | undefined> {
    return run<Draft | undefined>('readonly', (store) => store.get(tourId));
  }

  put(draft: Draft): Promise<void> {
    return run<void>('readwrite', (store) => store.put(draft));
  }

  delete(tourId: string): Promise<void> {
    return run<void>('readwrite', (store) => store.delete(tourId));
  }
}
