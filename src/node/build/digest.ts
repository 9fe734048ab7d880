/** Content digests of published files and tour versions (Node's crypto, so not in core). */
import { createHash } from 'node:crypto';
import type { DigestedFile } from '../../core/publish/publish.ts';

export const fileDigest = (content: Uint8Array | string): string =>
  createHash('sha256').update(content).digest('hex');

/**
 * Short version of everything a visitor downloads for the tour: changes when the manifest or
 * any published file changes (offline copies compare it to know when to update).
 */
export function contentVersion(manifest: string, files: readonly DigestedFile[]): string {
  const hash = createHash('sha256').update(manifest);
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(`\0${file.path}\0${file.digest}`);
  }
  return hash.digest('hex').slice(0, 12);
}
