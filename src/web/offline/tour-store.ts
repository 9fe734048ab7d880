/**
 * Tours saved on this device, in Cache Storage: one cache per tour version, and a pointer to
 * the version in use. Saving a new version fills its own cache beside the old one; only when
 * it is complete does the pointer move, and only then is the old cache deleted — an update
 * that fails half-way leaves the old version whole. The service worker serves from the
 * pointed cache (sw-tours.ts).
 */
import type { Result } from '../../core/result.ts';
import { fetchJson } from '../net/fetch-json.ts';
import { DownloadError, downloadFiles, type Progress } from './download.ts';
import { parseFileList } from './file-list.ts';
import {
  deletePointer,
  FILE_LIST,
  filesToKeep,
  INDEX_CACHE,
  isTourCache,
  readPointer,
  type TourFile,
  type TourFileList,
  type TourPointer,
  tourCacheName,
  writePointer,
} from '../../core/publish/tour-files.ts';

export { DownloadError, type Progress, type TourPointer };

export { offlineSupported } from './support.ts';

const tourUrl = (tourId: string, path: string): string =>
  new URL(`tours/${tourId}/${path}`, document.baseURI).href;

/** The published file list of a tour, fetched and checked. */
export async function fetchFileList(tourId: string): Promise<Result<TourFileList>> {
  const url = tourUrl(tourId, FILE_LIST);
  const result = await fetchJson(url, { cache: 'no-store' });
  return result.ok ? parseFileList(result.value, url) : result;
}

export const savedVersion = (tourId: string): Promise<TourPointer | undefined> =>
  readPointer(tourId);

export interface SaveOptions {
  languages?: readonly string[];
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/**
 * Saves the tour's current version (or does nothing when it is already the saved one).
 * Returns the pointer of the version in use afterwards.
 */
export async function saveTour(tourId: string, options: SaveOptions = {}): Promise<TourPointer> {
  const fetched = await fetchFileList(tourId);
  // Whatever went wrong with the list, the visitor's remedy is the same: try again later.
  if (!fetched.ok) throw new DownloadError('network', FILE_LIST);
  const list = fetched.value;
  const current = await readPointer(tourId);
  if (current?.version === list.version) return current;
  void navigator.storage?.persist?.().catch(() => false);
  const files = filesToKeep(list, options.languages);
  const name = tourCacheName(tourId, list.version);
  const cache = await caches.open(name);
  try {
    await downloadFiles(files, (file) => tourUrl(tourId, file.path), cacheDeps(cache), options);
  } catch (error) {
    // Out of space: remove the partial copy now. A dropped network keeps it to resume later.
    if (error instanceof DownloadError && error.reason !== 'network') await caches.delete(name);
    throw error;
  }
  const pointer = pointerFor(list, files, options.languages);
  await keepCopy('tours/index.json').catch(() => undefined);
  await writePointer(tourId, pointer);
  await deleteOtherVersions(tourId, name);
  return pointer;
}

/**
 * Keeps a copy of a small file that changes on the server (the catalogue, a kiosk profile) for
 * when the network is gone; the service worker answers it network-first, this copy as fallback.
 */
export async function keepCopy(relativeUrl: string): Promise<void> {
  const url = new URL(relativeUrl, document.baseURI).href;
  const response = await fetch(url, { cache: 'no-store' });
  if (response.ok) await (await caches.open(INDEX_CACHE)).put(url, response);
}

export async function removeTour(tourId: string): Promise<void> {
  await deletePointer(tourId);
  await deleteOtherVersions(tourId, '');
}

/** Whether the published version differs from the saved one (checked when online). */
export async function needsUpdate(tourId: string, publishedVersion: string): Promise<boolean> {
  const pointer = await readPointer(tourId);
  return pointer !== undefined && pointer.version !== publishedVersion;
}

function cacheDeps(cache: Cache) {
  return {
    has: async (url: string) => (await cache.match(url)) !== undefined,
    put: (url: string, body: ArrayBuffer, file: TourFile) =>
      cache.put(
        url,
        new Response(body, {
          headers: {
            'Content-Type': contentType(file.path),
            'Content-Length': String(body.byteLength),
          },
        }),
      ),
    fetchBytes: async (url: string) => {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    },
    sha256: async (body: ArrayBuffer) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', body))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join(''),
  };
}

function pointerFor(
  list: TourFileList,
  files: readonly TourFile[],
  languages?: readonly string[],
): TourPointer {
  return {
    version: list.version,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.length,
    languages: [...(languages ?? [])],
    savedAt: new Date().toISOString(),
  };
}

async function deleteOtherVersions(tourId: string, keep: string): Promise<void> {
  for (const name of await caches.keys()) {
    if (isTourCache(name, tourId) && name !== keep) await caches.delete(name);
  }
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  vtt: 'text/vtt',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

const contentType = (path: string): string =>
  TYPES[path.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
