/**
 * `POST /__editor/tours/<id>/__unused` and `…/__remove-unused`: the files of a tour folder its
 * manifest no longer uses (`core/publish/unused-files.ts` decides), listed with their sizes
 * before a save, and removed after it once the author agreed.
 *
 * Removal is judged again here against the tour.json ON DISK, whatever the request says: the
 * editor asks only after its save, so a file the saved tour names is never removed, nor one
 * the rules keep (backups, generated files, credits, anything not a picture, sound or
 * captions). Each removal goes through `resolveWritablePath`: inside the tour, no symlink.
 */
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import {
  MANIFEST_FILE,
  REMOVE_UNUSED_SEGMENT,
  RemoveUnusedRequest,
  type RemoveUnusedResponse,
  type UnusedFile,
  UnusedFilesRequest,
  type UnusedFilesResponse,
  UNUSED_SEGMENT,
} from '../../core/editor-protocol.ts';
import { MAX_MANIFEST_BYTES } from '../../core/manifest/limits.ts';
import { Tour } from '../../core/manifest/schema.ts';
import { unusedFiles } from '../../core/publish/unused-files.ts';
import { decodePathSegments } from '../../core/paths.ts';
import { readRequest, refuse, send } from './http.ts';
import { resolveWritablePath } from './safe-path.ts';

/** Whether `segments` (after the tour id) name one of these routes. */
export const isUnusedFilesRoute = (segments: readonly string[]): boolean =>
  segments.length === 1 &&
  (segments[0] === UNUSED_SEGMENT || segments[0] === REMOVE_UNUSED_SEGMENT);

/** Plain files below `dir`, tour-relative; hidden entries and symlinks are not walked. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix + entry.name;
    if (entry.isDirectory())
      out.push(...(await filesBelow(path.join(dir, entry.name), `${relative}/`)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/** The files of the tour folder `tour` does not use. */
async function unusedOnDisk(tourDir: string, tour: Tour): Promise<string[]> {
  return unusedFiles(tour, await filesBelow(tourDir));
}

export async function unusedFilesRoute(
  toursDir: string,
  id: string,
  segments: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const manifestPath = await resolveWritablePath(toursDir, id, [MANIFEST_FILE]);
  if (!manifestPath) return refuse(res, 404, 'not found');
  const tourDir = path.dirname(manifestPath);
  if (segments[0] === UNUSED_SEGMENT) return listUnused(tourDir, req, res);
  return removeUnused(toursDir, id, tourDir, manifestPath, req, res);
}

/** The unused files for the manifest in the request (the one about to be saved). */
async function listUnused(tourDir: string, req: IncomingMessage, res: ServerResponse) {
  const input = await readRequest(req, res, UnusedFilesRequest, {
    limit: MAX_MANIFEST_BYTES,
    invalid: 'bad request',
  });
  if (!input) return;
  const tour = Tour.safeParse(input.tour);
  // A manifest the schema refuses cannot say what it uses: then nothing is called unused.
  if (!tour.success) return send(res, 200, { files: [] } satisfies UnusedFilesResponse);
  const files: UnusedFile[] = [];
  for (const relative of await unusedOnDisk(tourDir, tour.data)) {
    const info = await lstat(path.join(tourDir, relative)).catch(() => undefined);
    if (info?.isFile()) files.push({ path: relative, bytes: info.size });
  }
  return send(res, 200, { files } satisfies UnusedFilesResponse);
}

async function removeUnused(
  toursDir: string,
  id: string,
  tourDir: string,
  manifestPath: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const input = await readRequest(req, res, RemoveUnusedRequest, {
    limit: 2 * 1024 * 1024,
    invalid: 'bad request',
  });
  if (!input) return;
  const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  const tour = Tour.safeParse(data);
  if (!tour.success) return refuse(res, 409, 'saved manifest not readable');
  const unused = new Set(await unusedOnDisk(tourDir, tour.data));
  const removed: string[] = [];
  let bytes = 0;
  for (const file of input.files) {
    const segments = decodePathSegments(file.split('/').map(encodeURIComponent).join('/'));
    if (!segments || !unused.has(segments.join('/'))) continue;
    const target = await resolveWritablePath(toursDir, id, segments);
    if (!target) continue;
    const info = await lstat(target).catch(() => undefined);
    if (!info?.isFile()) continue;
    await rm(target);
    removed.push(segments.join('/'));
    bytes += info.size;
  }
  return send(res, 200, { removed, bytes } satisfies RemoveUnusedResponse);
}
