/**
 * Filesystem helpers for commands that read tour folders. The manifest module stays pure and
 * receives these as callbacks.
 */
import type { Dirent } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const MANIFEST_NAME = 'tour.json';

export const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
};

/**
 * `fileExists` for the validator: true only for a regular file inside `tourDir`, reached without
 * leaving it (a symlink to elsewhere would break once the folder is published), and spelled with
 * the exact case of its name (authors on Windows or macOS would not notice "Hall.JPG" vs
 * "hall.jpg"; the web server will).
 */
export function tourFileExists(tourDir: string): (relativePath: string) => Promise<boolean> {
  const root = realpath(tourDir).catch(() => undefined);
  const listings = new Map<string, Promise<Set<string>>>();
  const namesIn = (dir: string): Promise<Set<string>> => {
    let names = listings.get(dir);
    if (!names) {
      names = readdir(dir).then(
        (entries) => new Set(entries),
        () => new Set<string>(),
      );
      listings.set(dir, names);
    }
    return names;
  };
  return async (relativePath) => {
    const rootReal = await root;
    const candidate = resolve(tourDir, relativePath);
    const real = await realpath(candidate).catch(() => undefined);
    if (!rootReal || !real || !isInside(rootReal, real)) return false;
    if (!(await stat(real)).isFile()) return false;
    return hasExactCase(resolve(tourDir), candidate, namesIn);
  };
}

async function hasExactCase(
  root: string,
  path: string,
  namesIn: (dir: string) => Promise<Set<string>>,
): Promise<boolean> {
  for (let current = path; isInside(root, current); current = dirname(current)) {
    const names = await namesIn(dirname(current));
    if (!names.has(basename(current))) return false;
  }
  return true;
}

/** Folders of `<cwd>/tours` that hold a tour.json, sorted by name. */
export async function findTourDirs(cwd: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(cwd, 'tours'), { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => `tours/${entry.name}`);
  const withManifest = await Promise.all(
    dirs.map((dir) =>
      access(join(cwd, dir, MANIFEST_NAME)).then(
        () => dir,
        () => undefined,
      ),
    ),
  );
  return withManifest.filter((dir): dir is string => dir !== undefined).sort();
}
