/**
 * The list of every file a published tour is made of (`tours/<id>/files.json`), so a device
 * can download the whole tour as one unit and check each file (size and SHA-256). Narration
 * files carry their language: a kiosk may keep only the languages it offers.
 */
import { createHash } from 'node:crypto';
import { FILE_LIST, type TourFile, type TourFileList } from '../../core/publish/tour-files.ts';

export { FILE_LIST };

export interface PublishedBytes {
  /** Tour-relative path. */
  path: string;
  source: string | Uint8Array;
}

export function offlineFileList(
  tourId: string,
  version: string,
  files: readonly PublishedBytes[],
): TourFileList {
  const list: TourFile[] = files
    .filter((file) => file.path !== FILE_LIST)
    .map((file) => {
      const bytes = typeof file.source === 'string' ? Buffer.from(file.source) : file.source;
      const lang = /^audio\/([^/]+)\//.exec(file.path)?.[1];
      return {
        path: file.path,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        ...(lang ? { lang } : {}),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return { tour: tourId, version, files: list };
}
