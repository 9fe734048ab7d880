/**
 * Pure checks of the editor's write endpoint: which requests may write, and where. A path is
 * accepted only when it stays inside `tours/<id>` once decoded; a request only when it comes
 * from this machine and names this machine (no DNS rebinding, no cross-site writes).
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../fs.ts';
import { EDITOR_BASE } from '../../core/editor-protocol.ts';
import { decodePathSegments } from '../../core/paths.ts';
import { isId } from '../../core/manifest/ids.ts';

/** Largest upload accepted (a 16K panorama JPEG stays well below). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOCAL_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK_ADDRESSES.has(address);

/** `127.0.0.1:5173`, `localhost` → true; `evil.example:5173` → false. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return LOCAL_HOSTNAMES.has(name);
}

/** An Origin header (absent for same-origin GETs) must name this machine too. */
export function isLocalOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLocalHost(url.host);
  } catch {
    return false;
  }
}

export interface RequestFacts {
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
}

/** Only this machine, addressed by a local name, from a local page. */
export const isAllowedRequest = (facts: RequestFacts): boolean =>
  isLoopbackAddress(facts.remoteAddress) && isLocalHost(facts.host) && isLocalOrigin(facts.origin);

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
 * The absolute path to write `segments` at inside `toursDir/<id>`, or undefined when the
 * deepest existing ancestor, resolved through symlinks, lies outside that folder.
 */
export async function resolveWritablePath(
  toursDir: string,
  id: string,
  segments: readonly string[],
): Promise<string | undefined> {
  if (!isId(id) || segments.length === 0) return undefined;
  const tourDir = path.join(toursDir, id);
  let realTour: string;
  try {
    realTour = await realpath(tourDir);
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
  if (existing && (existing.isSymbolicLink() || !existing.isFile())) return undefined;
  return target;
}

/** Asset extensions the editor may upload (tour.json has its own route). */
const UPLOADABLE = /\.(jpe?g|png|webp|avif|mp3|ogg|opus|m4a|wav|vtt)$/i;
export const isUploadablePath = (segments: readonly string[]): boolean =>
  segments.length > 0 && UPLOADABLE.test(segments[segments.length - 1] ?? '');
