/**
 * Where the editor's endpoint may read and write. A path is accepted only when it stays inside
 * `tours/<id>` once decoded and resolved through symlinks, when `tours/<id>` is that folder
 * itself (not a symlink to somewhere else), and when the file written is no hard link to a file
 * elsewhere. (Who may ask is `caller.ts`.)
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../fs.ts';
import { EDITOR_BASE } from '../../core/editor-protocol.ts';
import { classifyByName, nameTrouble } from '../../core/media/index.ts';
import { decodePathSegments } from '../../core/paths.ts';
import { isId } from '../../core/manifest/ids.ts';

/** Largest upload accepted (a 16K panorama JPEG stays well below). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Splits a raw (still encoded) relative path into decoded segments, or undefined when refused:
 * the one checker in `core/paths.ts`, which also refuses absolute paths (their first segment
 * is empty) and drive letters.
 */
export const safeRelativeSegments = decodePathSegments;

export type EditorRoute =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'manifest'; id: string }
  | { kind: 'file'; id: string; segments: string[] };

/**
 * Maps `/__editor/tours[/<id>[/<path>]]` to a route, or undefined when the path is refused.
 * `url` is the raw request URL (query ignored).
 */
export function parseEditorRoute(url: string): EditorRoute | undefined {
  const pathOnly = url.split(/[?#]/, 1)[0] ?? '';
  const prefix = EDITOR_BASE;
  if (pathOnly === prefix || pathOnly === `${prefix}/`) return { kind: 'list' };
  if (!pathOnly.startsWith(`${prefix}/`)) return undefined;
  const segments = safeRelativeSegments(pathOnly.slice(prefix.length + 1));
  if (!segments) return undefined;
  const [id, ...rest] = segments;
  if (id === undefined || !isId(id)) return undefined;
  if (rest.length === 0) return { kind: 'manifest', id };
  return { kind: 'file', id, segments: rest };
}

/**
 * The absolute path to write `segments` at inside `toursDir/<id>`, or undefined when refused:
 * the tour folder is a symlink (its real path must be `<real tours>/<id>` itself), the deepest
 * existing ancestor resolves outside it, the target is a symlink or no plain file, or it has
 * other hard links (writing would change the other names' file too: issue 21, finding 6).
 */
export async function resolveWritablePath(
  toursDir: string,
  id: string,
  segments: readonly string[],
): Promise<string | undefined> {
  if (!isId(id) || segments.length === 0) return undefined;
  let realTour: string;
  try {
    const tourDir = path.join(await realpath(toursDir), id);
    realTour = await realpath(tourDir);
    if (realTour !== tourDir) return undefined;
  } catch {
    return undefined;
  }
  const target = path.join(realTour, ...segments);
  if (!isInside(realTour, target)) return undefined;
  // Walk up to the deepest existing ancestor and resolve it: a symlinked folder may not lead out.
  let ancestor = path.dirname(target);
  for (;;) {
    try {
      const real = await realpath(ancestor);
      if (real !== realTour && !isInside(realTour, real)) return undefined;
      break;
    } catch {
      if (ancestor === realTour) return undefined;
      ancestor = path.dirname(ancestor);
    }
  }
  // Never write through a symlink (even a dangling one: writing would create its target).
  const existing = await lstat(target).catch(() => undefined);
  if (existing && (existing.isSymbolicLink() || !existing.isFile() || existing.nlink > 1)) {
    return undefined;
  }
  return target;
}

/** Media files the editor may upload: the table of `core/media` (tour.json has its own route). */
export const isUploadablePath = (segments: readonly string[]): boolean =>
  segments.length > 0 && classifyByName(segments[segments.length - 1] ?? '') !== undefined;

/**
 * A name the file system would refuse (a part over 255 bytes, the whole over 1024) or that
 * means something else elsewhere: refused with a plain 400 before the disk is touched, rather
 * than failing there with a message that carries the absolute path.
 */
export const isAcceptableName = (segments: readonly string[]): boolean =>
  nameTrouble(segments.join('/')) === undefined;
