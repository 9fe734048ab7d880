/**
 * Writing files into a tour folder: an upload streams to a hidden temporary file beside its
 * target, counted against the size cap as it arrives, and takes the target's name by a rename
 * only once whole and checked (its first bytes must be what its extension says: `checkMedia`).
 * So memory stays small whatever the upload (issue 21: eight parallel 49 MB uploads took
 * 1.07 GB), a refused or broken upload leaves nothing, and a rename replaces the name without
 * writing into the old file (nor through another hard link to it).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { checkMedia, SNIFF_BYTES } from '../../core/media/index.ts';
import type { LocalizedMessage } from '../../core/manifest/problem-basics.ts';

/** Uploads written at once; more get 503 with Retry-After (the editor uploads one by one). */
export const MAX_PARALLEL_UPLOADS = 2;

/** Counts uploads in progress (one per editor server: tests make their own). */
export class UploadSlots {
  #busy = 0;
  constructor(readonly limit = MAX_PARALLEL_UPLOADS) {}
  /** Takes a slot, or answers false when all are busy. */
  take(): boolean {
    if (this.#busy >= this.limit) return false;
    this.#busy++;
    return true;
  }
  release(): void {
    this.#busy = Math.max(0, this.#busy - 1);
  }
}

export type UploadOutcome =
  { ok: true } | { ok: false; status: 413 | 415 | 400; error: string; message?: LocalizedMessage };

const tempNameFor = (target: string): string =>
  path.join(path.dirname(target), `.upload-${randomBytes(6).toString('hex')}.tmp`);

/** Moves `temp` to `target`, unless `target` became a link meanwhile. */
async function commit(temp: string, target: string): Promise<boolean> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing && (!existing.isFile() || existing.nlink > 1)) return false;
  await rename(temp, target);
  return true;
}

/**
 * Streams the body of `req` into `target` (`relative`: its path in the tour, for the media
 * check's message), at most `limit` bytes. Past the limit it stops at once: the caller answers
 * 413 with `Connection: close` (Node discards the rest of the body; destroying the request
 * instead would cut the connection before the answer).
 */
export async function streamUpload(
  req: IncomingMessage,
  target: string,
  relative: string,
  limit: number,
): Promise<UploadOutcome> {
  const tooLarge: UploadOutcome = { ok: false, status: 413, error: 'too large' };
  if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempNameFor(target);
  try {
    const received = await receive(req, temp, limit);
    if (received === 'too large') return tooLarge;
    const checked = checkMedia(relative, received.head, { partial: received.size > SNIFF_BYTES });
    if (!checked.ok) {
      const message = checked.problems[0]?.message;
      return { ok: false, status: 415, error: message?.en ?? 'not media', message };
    }
    if (!(await commit(temp, target))) return { ok: false, status: 400, error: 'not writable' };
    return { ok: true };
  } finally {
    await rm(temp, { force: true });
  }
}

/** The body into `file` with back-pressure: its size and first bytes, or 'too large'. */
function receive(
  req: IncomingMessage,
  file: string,
  limit: number,
): Promise<{ size: number; head: Buffer } | 'too large'> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx' });
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const fail = (error: unknown) => {
      req.off('data', onData);
      out.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        out.destroy();
        return resolve('too large');
      }
      if (headBytes < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headBytes);
        head.push(part);
        headBytes += part.length;
      }
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => out.end());
    req.once('error', fail);
    req.once('aborted', () => fail(new Error('upload aborted')));
    out.once('error', fail);
    out.once('finish', () => resolve({ size, head: Buffer.concat(head) }));
  });
}

/** Writes `text` to `target` by a rename of a temporary file: never half a manifest. */
export async function writeWhole(target: string, text: string): Promise<boolean> {
  const temp = tempNameFor(target);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    return await commit(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
