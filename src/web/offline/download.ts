/**
 * Downloading one tour version into its own cache, as a unit: files already there are kept
 * (a dropped connection resumes where it stopped), each new file is checked (size and
 * SHA-256) before it is stored, and the version only counts as saved once every file is in.
 * Storage and network are injected, so the rules are unit-tested without a browser.
 */
import type { TourFile } from '../../core/publish/tour-files.ts';

export interface Progress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface DownloadDeps {
  /** Whether the version's cache already holds this file (resuming). */
  has: (url: string) => Promise<boolean>;
  put: (url: string, body: ArrayBuffer, file: TourFile) => Promise<void>;
  fetchBytes: (url: string) => Promise<ArrayBuffer>;
  sha256: (body: ArrayBuffer) => Promise<string>;
  wait?: (ms: number) => Promise<void>;
}

export class DownloadError extends Error {
  constructor(
    readonly reason: 'network' | 'corrupt' | 'quota',
    readonly path: string,
  ) {
    super(`${reason}: ${path}`);
  }
}

export interface DownloadOptions {
  concurrency?: number;
  retries?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export async function downloadFiles(
  files: readonly TourFile[],
  urlOf: (file: TourFile) => string,
  deps: DownloadDeps,
  options: DownloadOptions = {},
): Promise<Progress> {
  const progress: Progress = {
    files: 0,
    totalFiles: files.length,
    bytes: 0,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
  };
  const done = (file: TourFile) => {
    progress.files++;
    progress.bytes += file.bytes;
    options.onProgress?.({ ...progress });
  };
  let next = 0;
  // Once one file has failed the version cannot be completed: the other workers stop taking
  // files, so a failed update does not go on downloading the rest of the tour.
  let failed = false;
  const worker = async () => {
    while (next < files.length && !failed) {
      if (options.signal?.aborted) throw new DownloadError('network', 'aborted');
      const file = files[next++]!;
      const url = urlOf(file);
      try {
        if (!(await deps.has(url))) await fetchChecked(file, url, deps, options.retries ?? 3);
      } catch (error) {
        failed = true;
        throw error;
      }
      done(file);
    }
  };
  options.onProgress?.({ ...progress });
  // Every worker settles before the outcome is known: a caller deleting a failed version's
  // cache must not race a write still in flight.
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(options.concurrency ?? 4, files.length) }, worker),
  );
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return progress;
}

async function fetchChecked(file: TourFile, url: string, deps: DownloadDeps, retries: number) {
  const wait = deps.wait ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    let body: ArrayBuffer;
    try {
      body = await deps.fetchBytes(url);
    } catch {
      if (attempt >= retries) throw new DownloadError('network', file.path);
      await wait(500 * 2 ** attempt);
      continue;
    }
    if (body.byteLength !== file.bytes || (await deps.sha256(body)) !== file.sha256) {
      // A server mid-update may serve a newer file: retrying cannot make it match.
      throw new DownloadError('corrupt', file.path);
    }
    try {
      await deps.put(url, body, file);
      return;
    } catch (error) {
      throw new DownloadError(isQuota(error) ? 'quota' : 'network', file.path);
    }
  }
}

const isQuota = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
