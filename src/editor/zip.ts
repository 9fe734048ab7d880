/**
 * Export and import of a tour as one zip (tour.json at the top, assets beside it), for places
 * where no dev server can write files. fflate is loaded only when a zip is made or opened.
 */
import { firstBadZipPath } from '../core/paths.ts';

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

export type OpenedZip =
  | { ok: true; manifest: unknown; files: Map<string, Uint8Array> }
  | { ok: false; reason: 'badPath'; name: string }
  | { ok: false; reason: 'notZip' | 'noManifest' | 'badJson' };

/** Reads a tour zip; refuses it whole when one name could lead outside the tour folder. */
export async function openTourZip(bytes: Uint8Array): Promise<OpenedZip> {
  const { unzipSync, strFromU8 } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { ok: false, reason: 'notZip' };
  }
  const bad = firstBadZipPath(Object.keys(entries));
  if (bad) return { ok: false, reason: 'badPath', name: bad.name };
  const manifestBytes = entries[MANIFEST];
  if (!manifestBytes) return { ok: false, reason: 'noManifest' };
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return { ok: false, reason: 'badJson' };
  }
  const files = new Map<string, Uint8Array>();
  // Folder entries end in "/" and carry nothing.
  for (const [name, data] of Object.entries(entries))
    if (name !== MANIFEST && !name.endsWith('/')) files.set(name, data);
  return { ok: true, manifest, files };
}
