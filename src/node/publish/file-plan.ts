/**
 * The file plan: every file of the built site with its size, SHA-256, Cache-Control and
 * Content-Type, in upload order (see `cache-rules.ts`), and — against what the target says
 * it holds — which of them must be sent.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { cacheControl, contentType, uploadRank } from './cache-rules.ts';
import { type PublishState, STATE_FILE } from './state.ts';

export interface PlannedFile {
  /** `/`-separated, relative to the site's root. */
  path: string;
  absolute: string;
  size: number;
  sha256: string;
  cacheControl: string;
  contentType: string;
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await walk(path.join(dir, entry.name), `${relative}/`)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/** Upload order: by rank, then by path (stable, so two runs send in the same order). */
export function uploadOrder<T extends { path: string }>(files: readonly T[]): T[] {
  return [...files].sort(
    (a, b) =>
      uploadRank(a.path) - uploadRank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/** Every file of the built site in `dir`, in upload order. */
export async function planFiles(dir: string): Promise<PlannedFile[]> {
  const files: PlannedFile[] = [];
  for (const relative of await walk(dir)) {
    if (relative === STATE_FILE) continue;
    const absolute = path.join(dir, ...relative.split('/'));
    files.push({
      path: relative,
      absolute,
      ...(await hashFile(absolute)),
      cacheControl: cacheControl(relative),
      contentType: contentType(relative),
    });
  }
  return uploadOrder(files);
}

/** The files the target lacks or holds in another version (or with other headers). */
export function changedFiles(plan: readonly PlannedFile[], state: PublishState | undefined) {
  return plan.filter((file) => {
    const held = state?.files[file.path];
    return (
      !held ||
      held.sha256 !== file.sha256 ||
      held.size !== file.size ||
      held.cacheControl !== file.cacheControl
    );
  });
}

export const totalBytes = (files: readonly { size: number }[]): number =>
  files.reduce((sum, file) => sum + file.size, 0);
