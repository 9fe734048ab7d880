/**
 * Tours saved on this device, in Cache Storage: one cache per tour version, and a pointer to
 * the version in use. Saving a new version fills its own cache beside the old one; only when
 * it is complete does the pointer move, and only then is the old cache deleted — an update
 * that fails half-way leaves the old version whole. Files whose content the version in use
 * already holds are copied from its cache, not downloaded again. The service worker serves
 * from the pointed cache (sw-tours.ts). Every name is scoped by the app's base URL.
 */
import type { Result } from '../../core/result.ts';
import { planUpdate } from '../../core/publish/update-plan.ts';
import { fetchBytesWithStall, fetchWithDeadline } from '../net/deadline.ts';
import { fetchJson } from '../net/fetch-json.ts';
import { DownloadError, downloadFiles, type Progress } from './download.ts';
import { parseFileList } from './file-list.ts';
import {
  deletePointer,
  FILE_LIST,
  filesToKeep,
  indexCacheName,
  isTourCache,
  readPointer,
  readSavedList,
  type TourFile,
  type TourFileList,
  type TourPointer,
  tourCacheName,
  writePointer,
} from '../../core/publish/tour-files.ts';

export { DownloadError, type Progress, type TourPointer };

export { offlineSupported } from './support.ts';

/** The app's base URL: the service worker's scope, and what every cache name is scoped by. */
export const appScope = (): string => new URL('./', document.baseURI).href;

const tourUrl = (tourId: string, path: string): string =>
  new URL(`tours/${tourId}/${path}`, document.baseURI).href;

/** The published file list of a tour, fetched (with a deadline) and checked. */
export async function fetchFileList(tourId: string): Promise<Result<TourFileList>> {
  const url = tourUrl(tourId, FILE_LIST);
  const result = await fetchJson(url, { cache: 'no-store' });
  return result.ok ? parseFileList(result.value, url) : result;
}

export const savedVersion = (tourId: string): Promise<TourPointer | undefined> =>
  readPointer(appScope(), tourId);

export interface SaveOptions {
  languages?: readonly string[];
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Tries per file within one download before it is given up (the caller may retry later). */
  retries?: number;
}

/** A version downloaded whole beside the one in use, waiting to be swapped in. */
export interface PreparedTour {
  readonly pointer: TourPointer;
  /** False when the published version already is the saved one: nothing to swap. */
  readonly changed: boolean;
  /** Bytes that crossed the network for it (files copied from the old version excluded). */
  readonly downloadedBytes: number;
  /** Moves the pointer to it and deletes the other versions. */
  commit(): Promise<void>;
}

/**
 * Downloads the tour's current version into its own cache, without swapping it in: kiosks
 * swap only while nobody is using them. Rejects with a `DownloadError` when it cannot be
 * completed (the partial copy is kept to resume, unless storage is full).
 */
export async function prepareTour(
  tourId: string,
  options: SaveOptions = {},
): Promise<PreparedTour> {
  const scope = appScope();
  const fetched = await fetchFileList(tourId);
  // Whatever went wrong with the list, the visitor's remedy is the same: try again later.
  if (!fetched.ok) throw new DownloadError('network', FILE_LIST);
  const list = fetched.value;
  const current = await readPointer(scope, tourId);
  if (current?.version === list.version) {
    return { pointer: current, changed: false, downloadedBytes: 0, commit: async () => undefined };
  }
  void navigator.storage?.persist?.().catch(() => false);
  const files = filesToKeep(list, options.languages);
  const name = tourCacheName(scope, tourId, list.version);
  const cache = await caches.open(name);
  let downloadedBytes = 0;
  try {
    const plan = await planFromSaved(scope, tourId, current, files);
    const deps = cacheDeps(cache, options.signal);
    const download = (list: readonly TourFile[]) =>
      downloadFiles(
        list,
        (file) => tourUrl(tourId, file.path),
        {
          ...deps,
          fetchBytes: async (url) => {
            const body = await deps.fetchBytes(url);
            downloadedBytes += body.byteLength;
            return body;
          },
        },
        options,
      );
    // What changed first: it is what can fail (and then the local copying is not wasted).
    await download(plan.download);
    const copied = await copyUnchanged(tourId, plan.copy, current, cache);
    // Files the old copy no longer had are downloaded after all.
    const missing = plan.copy.map(({ file }) => file).filter((file) => !copied.has(file.path));
    if (missing.length > 0) await download(missing);
  } catch (error) {
    // Out of space: remove the partial copy now. A dropped network keeps it to resume later.
    if (error instanceof DownloadError && error.reason !== 'network') await caches.delete(name);
    throw error;
  }
  const pointer = pointerFor(list, files, options.languages);
  return {
    pointer,
    changed: true,
    downloadedBytes,
    async commit() {
      await keepCopy('tours/index.json').catch(() => undefined);
      await writePointer(scope, tourId, pointer, list);
      await deleteOtherVersions(scope, tourId, name);
    },
  };
}

/**
 * Saves the tour's current version and swaps it in at once (phones: the visitor asked for
 * it). Returns the pointer of the version in use afterwards.
 */
export async function saveTour(tourId: string, options: SaveOptions = {}): Promise<TourPointer> {
  const prepared = await prepareTour(tourId, options);
  await prepared.commit();
  return prepared.pointer;
}

/**
 * Keeps a copy of a small file that changes on the server (the catalogue, a kiosk profile) for
 * when the network is gone; the service worker answers it network-first, this copy as fallback.
 */
export async function keepCopy(relativeUrl: string): Promise<void> {
  const url = new URL(relativeUrl, document.baseURI).href;
  const copy = await fetchWithDeadline(url, { cache: 'no-store' }, async (response) =>
    // Read whole inside the deadline: a cache put of a stalled body would hang.
    response.ok
      ? new Response(await response.arrayBuffer(), { headers: response.headers })
      : undefined,
  );
  if (copy) await (await caches.open(indexCacheName(appScope()))).put(url, copy);
}

export async function removeTour(tourId: string): Promise<void> {
  const scope = appScope();
  await deletePointer(scope, tourId);
  await deleteOtherVersions(scope, tourId, '');
}

/** Whether the published version differs from the saved one (checked when online). */
export async function needsUpdate(tourId: string, publishedVersion: string): Promise<boolean> {
  const pointer = await savedVersion(tourId);
  return pointer !== undefined && pointer.version !== publishedVersion;
}

async function planFromSaved(
  scope: string,
  tourId: string,
  current: TourPointer | undefined,
  files: readonly TourFile[],
) {
  const savedList = current ? await readSavedList(scope, tourId).catch(() => undefined) : undefined;
  // Only what the version in use really holds can be copied: its list, its languages.
  const saved =
    savedList && savedList.version === current?.version
      ? filesToKeep(savedList, current.languages.length > 0 ? current.languages : undefined)
      : undefined;
  return planUpdate(files, saved);
}

async function copyUnchanged(
  tourId: string,
  copies: ReturnType<typeof planUpdate>['copy'],
  current: TourPointer | undefined,
  cache: Cache,
): Promise<Set<string>> {
  const copied = new Set<string>();
  if (!current || copies.length === 0) return copied;
  const old = await caches.open(tourCacheName(appScope(), tourId, current.version));
  const copyOne = async ({ file, from }: (typeof copies)[number]) => {
    const url = tourUrl(tourId, file.path);
    const response = (await cache.match(url)) ? undefined : await old.match(tourUrl(tourId, from));
    // Gone from the old cache (evicted, cleared by hand): it is downloaded like a changed file.
    if (!response) return;
    try {
      await cache.put(url, response);
    } catch (error) {
      throw new DownloadError(isQuota(error) ? 'quota' : 'network', file.path);
    }
    copied.add(file.path);
  };
  // Several at a time: each put is its own storage transaction, slow one by one on a busy
  // device, and a whole tour is a few hundred of them.
  let next = 0;
  const worker = async () => {
    while (next < copies.length) await copyOne(copies[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, copies.length) }, worker));
  return copied;
}

const COPY_CONCURRENCY = 8;

const isQuota = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);

function cacheDeps(cache: Cache, signal?: AbortSignal) {
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
    // A stall timeout, not a total one: a panorama on 3G may take a minute, but not in silence.
    fetchBytes: (url: string) => fetchBytesWithStall(url, { cache: 'no-store', signal }),
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

async function deleteOtherVersions(scope: string, tourId: string, keep: string): Promise<void> {
  for (const name of await caches.keys()) {
    if (isTourCache(scope, name, tourId) && name !== keep) await caches.delete(name);
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
