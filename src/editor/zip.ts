/**
 * Export and import of a tour as one zip (tour.json at the top, assets beside it), for places
 * where no dev server can write files. fflate is loaded only when a zip is made or opened.
 */
import { problem } from '../core/manifest/problems.ts';
import { firstBadZipPath } from '../core/paths.ts';
import { failure, type Result, success } from '../core/result.ts';

export const MANIFEST = 'tour.json';

/** A zip of the manifest and the files given (paths relative to tour.json). */
export async function buildTourZip(
  manifest: unknown,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {
    [MANIFEST]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const [name, bytes] of files) if (name !== MANIFEST) entries[name] = bytes;
  // Images and audio are compressed already: storing them is as small and much faster.
  return zipSync(entries, { level: 0 });
}

export interface OpenedZip {
  /** tour.json as parsed JSON: not validated (the editor shows its problems once opened). */
  manifest: unknown;
  files: Map<string, Uint8Array>;
}

/**
 * Reads a tour zip; refuses it whole when one name could lead outside the tour folder.
 * `file` is the zip's own name, for the problems.
 */
export async function openTourZip(
  bytes: Uint8Array,
  file = 'tour.zip',
): Promise<Result<OpenedZip>> {
  const { unzipSync, strFromU8 } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return failure(problem('zip-unreadable', {}, file));
  }
  const bad = firstBadZipPath(Object.keys(entries));
  if (bad) {
    return failure(problem('zip-bad-path', { name: bad.name }, file, [bad.name]));
  }
  const manifestBytes = entries[MANIFEST];
  if (!manifestBytes) return failure(problem('zip-no-manifest', {}, file));
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return failure(problem('zip-bad-json', {}, file, [MANIFEST]));
  }
  const files = new Map<string, Uint8Array>();
  // Folder entries end in "/" and carry nothing.
  for (const [name, data] of Object.entries(entries))
    if (name !== MANIFEST && !name.endsWith('/')) files.set(name, data);
  return success({ manifest, files });
}
