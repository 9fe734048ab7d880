/**
 * Reading what the media check needs of a tour file: its first `SNIFF_BYTES`, never the whole
 * file (panoramas are tens of MB), and the manifest only when its size is within the limit.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { SNIFF_BYTES } from '../../core/media/index.ts';
import { MAX_MANIFEST_BYTES } from '../../core/manifest/limits.ts';
import { resolveInside } from '../fs.ts';

/** The first bytes of `file` (at most `SNIFF_BYTES`). */
export async function readHeadOf(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** `readHead` for the validator: files inside `tourDir` only (through links too). */
export function tourFileHead(
  tourDir: string,
): (relative: string) => Promise<Uint8Array | undefined> {
  return async (relative) => {
    const absolute = await resolveInside(tourDir, relative);
    return absolute === undefined ? undefined : readHeadOf(absolute);
  };
}

/** A manifest's text, or its size when it is over the limit (then it is not read at all). */
export async function readManifestText(file: string): Promise<string | { tooLarge: number }> {
  const { size } = await stat(file);
  if (size > MAX_MANIFEST_BYTES) return { tooLarge: size };
  return readFile(file, 'utf8');
}
