/**
 * Which files of a tour folder the tour no longer uses: the panorama of a deleted scene, an
 * upload since replaced, narration of a scene that is gone. The editor offers to remove them on
 * Save and leaves them out of its zip (a tester's export was 68 MB, 60 MB of it unused).
 *
 * Careful by design, since what it lists may be deleted: only pictures, sounds and captions
 * are ever listed (never a text, a note or a file of a kind a tour cannot hold), never the
 * manifest, the credits and licences, the backups or what the build generated, and nothing
 * under the folder of a tile set the manifest names (a hand-made pyramid may hold more levels
 * than its template lists). Pure: the caller lists the folder.
 */
import { classifyByName } from '../media/index.ts';
import type { Tour } from '../manifest/schema.ts';
import { isLegalFile, manifestAssetPaths, normalizeAssetPath } from './publish.ts';

/** Folders of a tour that belong to tools, not to the author's choices: never listed. */
export const KEPT_FOLDERS = ['generated', 'backups', '.backups'] as const;

const MANIFEST = 'tour.json';

/** The folders holding tile sets the manifest names by template (`dir/{level}/{row}_{col}.jpg`). */
function tileFolders(tour: Tour): string[] {
  const folders: string[] = [];
  for (const scene of tour.scenes) {
    const { tiles, cubeTiles } = scene.panorama;
    for (const template of [tiles?.path, cubeTiles?.path]) {
      if (!template) continue;
      const fixed = template.slice(0, template.indexOf('{') < 0 ? 0 : template.indexOf('{'));
      const folder = normalizeAssetPath(fixed.slice(0, fixed.lastIndexOf('/') + 1));
      if (folder) folders.push(`${folder}/`);
    }
  }
  return folders;
}

/** Every tour-relative file the manifest names, in canonical form. */
export function usedFiles(tour: Tour): Set<string> {
  const used = new Set<string>();
  for (const path of manifestAssetPaths(tour)) {
    const normalized = normalizeAssetPath(path);
    if (normalized) used.add(normalized);
  }
  return used;
}

/** True when `relative` is a file the tour may need whatever its manifest says. */
function isKept(relative: string, tileDirs: readonly string[]): boolean {
  if (relative === MANIFEST || isLegalFile(relative)) return true;
  const top = relative.split('/', 1)[0] ?? '';
  if ((KEPT_FOLDERS as readonly string[]).includes(top)) return true;
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return true;
  if (tileDirs.some((dir) => relative.startsWith(dir))) return true;
  const kind = classifyByName(relative)?.kind;
  return kind === undefined || kind === 'text';
}

/**
 * The files of `files` (tour-relative paths of what is in the folder) that `tour` does not
 * use and that may be removed, sorted.
 */
export function unusedFiles(tour: Tour, files: Iterable<string>): string[] {
  const used = usedFiles(tour);
  const tileDirs = tileFolders(tour);
  const unused: string[] = [];
  for (const file of files) {
    const normalized = normalizeAssetPath(file);
    if (!normalized || used.has(normalized) || isKept(normalized, tileDirs)) continue;
    unused.push(normalized);
  }
  return unused.sort();
}

/** The files a copy of the tour needs (its zip): all of `files` but the unused ones. */
export function filesToCopy(tour: Tour, files: Iterable<string>): string[] {
  const all = [...files];
  const unused = new Set(unusedFiles(tour, all));
  return all.filter((file) => !unused.has(normalizeAssetPath(file) ?? file));
}
